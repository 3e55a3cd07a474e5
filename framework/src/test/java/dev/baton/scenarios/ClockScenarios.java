package dev.baton.scenarios;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;

/** Every clock a program reads shows Baton's virtual time in a managed thread. */
public final class ClockScenarios {
  private ClockScenarios() {}

  /** 2026-01-01T00:00:00Z, when every schedule starts. */
  static final Instant VIRTUAL_START = Instant.parse("2026-01-01T00:00:00Z");

  public static void everyClockReadsVirtualTime() throws InterruptedException {
    Instant[] inThread = new Instant[1];
    Thread t = new Thread(() -> inThread[0] = Instant.now());
    t.start();
    t.join();
    check("Instant.now() in a started thread", inThread[0]);
    check("Instant.now()", Instant.now());
    check("Clock.systemUTC().instant()", Clock.systemUTC().instant());
    check("Clock.systemDefaultZone().millis()", Instant.ofEpochMilli(Clock.systemDefaultZone().millis()));
    check("new Date()", new Date().toInstant());
    check("LocalDateTime.now(UTC)", LocalDateTime.now(ZoneOffset.UTC).toInstant(ZoneOffset.UTC));
    long before = System.currentTimeMillis();
    Thread.sleep(5_000);
    Duration slept = Duration.between(Instant.ofEpochMilli(before), Instant.now());
    if (slept.compareTo(Duration.ofSeconds(5)) < 0 || slept.compareTo(Duration.ofSeconds(6)) > 0) {
      throw new AssertionError("a 5 s sleep took " + slept + " by Instant.now()");
    }
  }

  /** Polls Instant.now() until a deadline: the reads let virtual time pass, so it ends. */
  public static void pollTheClockUntilADeadline() {
    Instant deadline = Instant.now().plusMillis(200);
    int polls = 0;
    while (Instant.now().isBefore(deadline)) {
      polls++;
    }
    if (polls == 0) throw new AssertionError("no poll before the deadline");
  }

  private static void check(String what, Instant read) {
    Duration since = Duration.between(VIRTUAL_START, read);
    if (since.isNegative() || since.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new AssertionError(what + " read " + read + ", not Baton's virtual time");
    }
  }
}
