package dev.baton.scenarios;

import java.lang.management.ManagementFactory;

/** Static initialisers that take long on the wall clock, as a heavy library's do on a slow machine. */
public final class SlowInitScenarios {
  private SlowInitScenarios() {}

  /** Busy for {@code millis} of real time (the JVM's uptime: Baton does not virtualise it). */
  static long busyFor(long millis) {
    long end = ManagementFactory.getRuntimeMXBean().getUptime() + millis;
    long x = 1;
    while (ManagementFactory.getRuntimeMXBean().getUptime() < end) {
      for (int i = 0; i < 10_000; i++) x = x * 31 + i;
    }
    return x;
  }

  static final class TwoAndAHalfSeconds {
    static final long VALUE = busyFor(2_500);
  }

  static final class EightSeconds {
    static final long VALUE = busyFor(8_000);
  }

  /** A worker reads a constant whose class takes 2.5 s to initialise. */
  public static void slowInitialiser() throws InterruptedException {
    long[] seen = new long[1];
    Thread worker = new Thread(() -> seen[0] = TwoAndAHalfSeconds.VALUE, "worker");
    worker.start();
    worker.join();
    if (seen[0] == 0) throw new AssertionError("not initialised");
  }

  /** The same with a class that takes 8 s: past any extension of a half-second watchdog. */
  public static void tooSlowInitialiser() throws InterruptedException {
    long[] seen = new long[1];
    Thread worker = new Thread(() -> seen[0] = EightSeconds.VALUE, "worker");
    worker.start();
    worker.join();
  }
}
