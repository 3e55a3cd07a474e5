package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins what fixed seeds produce, per strategy, for one program per part of the scheduler's model:
 * the failing schedule's number, kind and replay token of buggy programs, and a digest of what
 * correct programs observed over a run of schedules. The values were recorded on the scheduler
 * before it was split into a core and per-primitive models (issue 13): a restructuring that keeps
 * them keeps the schedules users see, their seeds and their tokens. They were recorded again when
 * a method's accesses to arrays and objects no other thread can see yet stopped being scheduling
 * points (token version 3): the programs' thread arrays lost their points, which moved choices.
 *
 * <p>A mismatch prints the value the code produces now. Change a pinned value only for a change
 * that is meant to change schedules, and say so in the commit.
 */
class PinnedSchedulesTest {

  /** A buggy program, explored with a fixed seed: where the first failure is, and its token. */
  record FailurePin(String scenario, Strategy strategy, long seed, int schedule, Kind kind,
      String token) {
    @Override
    public String toString() {
      return scenario + " " + strategy + " seed " + seed;
    }
  }

  /** A correct program, explored with a fixed seed: a digest of what each schedule observed. */
  record OutcomePin(String scenario, Strategy strategy, long seed, String digest) {
    @Override
    public String toString() {
      return scenario + " " + strategy + " seed " + seed;
    }
  }

  private static final Map<String, Scenario> BUGGY = Map.of(
      "lostUpdate", PinnedScheduleScenarios::lostUpdate,
      "monitorDeadlock", PinnedScheduleScenarios::monitorDeadlock,
      "lostWakeup", PinnedScheduleScenarios::lostWakeup,
      "lockDeadlock", PinnedScheduleScenarios::lockDeadlock);

  private static final List<String> CORRECT =
      List.of("waitNotify", "lockAndPark", "virtualClock", "seededValues");

  /** The correct program {@code name}, adding what each schedule observed to {@code seen}. */
  private static Scenario observing(String name, List<String> seen) {
    // Each lambda captures only the JDK list, as a scenario must.
    return switch (name) {
      case "waitNotify" -> () -> PinnedScheduleScenarios.waitNotify(seen);
      case "lockAndPark" -> () -> PinnedScheduleScenarios.lockAndPark(seen);
      case "virtualClock" -> () -> PinnedScheduleScenarios.virtualClock(seen);
      case "seededValues" -> () -> PinnedScheduleScenarios.seededValues(seen);
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** Schedules each correct program runs per strategy. */
  private static final int OBSERVED_SCHEDULES = 12;

  static final List<FailurePin> FAILURES = List.of(
      // Recorded on the scheduler before the split (main at a2a4041).
      new FailurePin("lostUpdate", Strategy.RANDOM, 11L, 2, Kind.EXCEPTION, "A_YmPFoAAAAAAAAAAAsC6AcACAABAQECAQABAQECAQEBAgGDp5aj"),
      new FailurePin("lostUpdate", Strategy.RANDOM, 12L, 6, Kind.EXCEPTION, "A_YmPFoAAAAAAAAAAAwG6AcABwACAgEBAQIBAQECAS-JWkw"),
      new FailurePin("monitorDeadlock", Strategy.RANDOM, 11L, 2, Kind.DEADLOCK, "A5qk49wAAAAAAAAAAAsC6AcABgABAQECAQABAQECAU09CAU"),
      new FailurePin("monitorDeadlock", Strategy.RANDOM, 12L, 6, Kind.DEADLOCK, "A5qk49wAAAAAAAAAAAwG6AcABgACAgEBAQIBAQGFOuCk"),
      new FailurePin("lostWakeup", Strategy.RANDOM, 11L, 11, Kind.DEADLOCK, "A_i_ytAAAAAAAAAAAAsL6AcABwEBAAECAQEBAAECAvox93o"),
      new FailurePin("lostWakeup", Strategy.RANDOM, 12L, 19, Kind.DEADLOCK, "A_i_ytAAAAAAAAAAAAwT6AcABwABAQECAQEBAAECAp45DKw"),
      new FailurePin("lockDeadlock", Strategy.RANDOM, 11L, 2, Kind.DEADLOCK, "A1m5WecAAAAAAAAAAAsC6AcABwABAQECAQABAQECAQEBpOby0Q"),
      new FailurePin("lockDeadlock", Strategy.RANDOM, 12L, 6, Kind.DEADLOCK, "A1m5WecAAAAAAAAAAAwG6AcABwACAgEBAQIBAQECAajQo8Q"),
      new FailurePin("lostUpdate", Strategy.PCT, 11L, 3, Kind.EXCEPTION, "A_YmPFoBAAAAAAAAAAsD6AcACAABAgIAAQEDAAE3xDYB"),
      new FailurePin("lostUpdate", Strategy.PCT, 12L, 18, Kind.EXCEPTION, "A_YmPFoBAAAAAAAAAAwS6AcACAACAQICAgEBAAGJSr5A"),
      new FailurePin("monitorDeadlock", Strategy.PCT, 11L, 3, Kind.DEADLOCK, "A5qk49wBAAAAAAAAAAsD6AcABgABAgIAAQECow1BFQ"),
      new FailurePin("monitorDeadlock", Strategy.PCT, 12L, 18, Kind.DEADLOCK, "A5qk49wBAAAAAAAAAAwS6AcABgACAQICAsqhMtc"),
      new FailurePin("lostWakeup", Strategy.PCT, 11L, 11, Kind.DEADLOCK, "A_i_ytABAAAAAAAAAAsL6AcABwECAAECAwABgm_g3A"),
      new FailurePin("lostWakeup", Strategy.PCT, 12L, 42, Kind.DEADLOCK, "A_i_ytABAAAAAAAAAAwq6AcABwECAAICA514_jU"),
      new FailurePin("lockDeadlock", Strategy.PCT, 11L, 3, Kind.DEADLOCK, "A1m5WecBAAAAAAAAAAsD6AcABwABAgIAAQEDP-o9Yw"),
      new FailurePin("lockDeadlock", Strategy.PCT, 12L, 18, Kind.DEADLOCK, "A1m5WecBAAAAAAAAAAwS6AcABwACAQICAgEBwouXMQ"),
      new FailurePin("lostUpdate", Strategy.POS, 11L, 6, Kind.EXCEPTION, "A_YmPFoCAAAAAAAAAAsG6AcABwABAgEBAQIBAAEBAQIBVZabrQ"),
      new FailurePin("lostUpdate", Strategy.POS, 12L, 1, Kind.EXCEPTION, "A_YmPFoCAAAAAAAAAAwB6AcABwABAgEBAgABAgIEThHQ"),
      new FailurePin("monitorDeadlock", Strategy.POS, 11L, 6, Kind.DEADLOCK, "A5qk49wCAAAAAAAAAAsG6AcABgABAgEBAQIBAAEBAZCeTeg"),
      new FailurePin("monitorDeadlock", Strategy.POS, 12L, 1, Kind.DEADLOCK, "A5qk49wCAAAAAAAAAAwB6AcABgABAgEBAgABAgE4Cf7s"),
      new FailurePin("lostWakeup", Strategy.POS, 11L, 11, Kind.DEADLOCK, "A_i_ytACAAAAAAAAAAsL6AcABwECAAICAwFbCmc"),
      new FailurePin("lostWakeup", Strategy.POS, 12L, 2, Kind.DEADLOCK, "A_i_ytACAAAAAAAAAAwC6AcABwABAgEAAQECAgLaa8a2"),
      new FailurePin("lockDeadlock", Strategy.POS, 11L, 6, Kind.DEADLOCK, "A1m5WecCAAAAAAAAAAsG6AcABwABAgEBAQIBAAEBAQIBYq1EDw"),
      new FailurePin("lockDeadlock", Strategy.POS, 12L, 1, Kind.DEADLOCK, "A1m5WecCAAAAAAAAAAwB6AcABwABAgEBAgABAgKAFLrh"),
      new FailurePin("lostUpdate", Strategy.EXHAUSTIVE, 11L, 3, Kind.EXCEPTION, "A_YmPFoDAAAAAAAAAAsD6AcABwACAQICA3u8YjY"),
      new FailurePin("lostUpdate", Strategy.EXHAUSTIVE, 12L, 3, Kind.EXCEPTION, "A_YmPFoDAAAAAAAAAAwD6AcABwACAQICAw8ki7k"),
      new FailurePin("monitorDeadlock", Strategy.EXHAUSTIVE, 11L, 3, Kind.DEADLOCK, "A5qk49wDAAAAAAAAAAsD6AcABgACAQICAhuPtt8"),
      new FailurePin("monitorDeadlock", Strategy.EXHAUSTIVE, 12L, 3, Kind.DEADLOCK, "A5qk49wDAAAAAAAAAAwD6AcABgACAQICAm8XX1A"),
      new FailurePin("lostWakeup", Strategy.EXHAUSTIVE, 11L, 3, Kind.DEADLOCK, "A_i_ytADAAAAAAAAAAsD6AcABwACAQICA60fZKQ"),
      new FailurePin("lostWakeup", Strategy.EXHAUSTIVE, 12L, 3, Kind.DEADLOCK, "A_i_ytADAAAAAAAAAAwD6AcABwACAQICA9mHjSs"),
      new FailurePin("lockDeadlock", Strategy.EXHAUSTIVE, 11L, 12, Kind.DEADLOCK, "A1m5WecDAAAAAAAAAAsM6AcABwACAQICA4vOm40"),
      new FailurePin("lockDeadlock", Strategy.EXHAUSTIVE, 12L, 12, Kind.DEADLOCK, "A1m5WecDAAAAAAAAAAwM6AcABwACAQICA_9WcgI")
  );

  static final List<OutcomePin> OUTCOMES = List.of(
      // Recorded on the scheduler before the split (main at a2a4041).
      new OutcomePin("waitNotify", Strategy.RANDOM, 11L, "2701e5bdb28a5703"),
      new OutcomePin("lockAndPark", Strategy.RANDOM, 11L, "cfbb007f6654b3a7"),
      new OutcomePin("virtualClock", Strategy.RANDOM, 11L, "25ad1a69695dca9c"),
      new OutcomePin("seededValues", Strategy.RANDOM, 11L, "fb8a9b9fc7c62033"),
      new OutcomePin("waitNotify", Strategy.PCT, 11L, "a6239ecde9d32be8"),
      new OutcomePin("lockAndPark", Strategy.PCT, 11L, "d8bc601d3f9963ef"),
      // Re-recorded on purpose (issue 14): a thread that sleeps or yields under PCT now hands over
      // uniformly, where strict priorities let spinning threads starve the one they waited for,
      // and a thread that has just begun to wait is not woken early at that same choice.
      new OutcomePin("virtualClock", Strategy.PCT, 11L, "6d0c15733e06b4e7"),
      new OutcomePin("seededValues", Strategy.PCT, 11L, "085e9d504271eba5"),
      new OutcomePin("waitNotify", Strategy.POS, 11L, "bc3614206591f8f7"),
      new OutcomePin("lockAndPark", Strategy.POS, 11L, "d89a02aaa70489b6"),
      new OutcomePin("virtualClock", Strategy.POS, 11L, "40f12dbb2f4f5b73"),
      new OutcomePin("seededValues", Strategy.POS, 11L, "a9985803e0557ffb"),
      new OutcomePin("waitNotify", Strategy.EXHAUSTIVE, 11L, "fc27896b36a784ec"),
      new OutcomePin("lockAndPark", Strategy.EXHAUSTIVE, 11L, "5bd15501302ef957"),
      new OutcomePin("virtualClock", Strategy.EXHAUSTIVE, 11L, "b80b0e027e5f45af"),
      new OutcomePin("seededValues", Strategy.EXHAUSTIVE, 11L, "c14de1ad67b43bff")
  );

  static Stream<FailurePin> failures() {
    return FAILURES.stream();
  }

  static Stream<OutcomePin> outcomes() {
    return OUTCOMES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void aBuggyProgramFailsAtTheSameScheduleWithTheSameToken(FailurePin pin) {
    Scenario scenario = BUGGY.get(pin.scenario());
    InterleavingFailure found = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(pin.strategy()).seed(pin.seed()).schedules(500)
            .shrink(0, Duration.ZERO).explore(scenario));

    assertThat(found).as("%s finds its bug", pin).isNotNull();
    assertThat(describe(pin, found)).isEqualTo(describe(pin, pin.schedule(), pin.kind(), pin.token()));

    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(pin.token()).explore(scenario));
    assertThat(replayed).as("replaying the pinned token of %s", pin).isNotNull();
    assertThat(replayed.kind()).isEqualTo(pin.kind());
    assertThat(replayed.trace()).isEqualTo(found.trace());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void theSameFailureIsFoundWithSchedulesRunningSideBySide(FailurePin pin) {
    InterleavingFailure found = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(pin.strategy()).seed(pin.seed()).schedules(500)
            .shrink(0, Duration.ZERO).parallelism(2).explore(BUGGY.get(pin.scenario())));

    assertThat(found).as("%s finds its bug beside others", pin).isNotNull();
    assertThat(describe(pin, found)).isEqualTo(describe(pin, pin.schedule(), pin.kind(), pin.token()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outcomes")
  void aCorrectProgramSeesTheSameOutcomesInTheSameSchedules(OutcomePin pin) {
    List<String> seen = new CopyOnWriteArrayList<>();
    Interleavings.configure().strategy(pin.strategy()).seed(pin.seed())
        .schedules(OBSERVED_SCHEDULES).explore(observing(pin.scenario(), seen));

    assertThat(seen).as("%s ran its schedules", pin).isNotEmpty();
    assertThat(digest(seen))
        .as("%s observed %s", pin, seen)
        .isEqualTo(pin.digest());
  }

  /** The whole set: each model is pinned under every strategy. */
  @org.junit.jupiter.api.Test
  void everyProgramIsPinnedUnderEveryStrategy() {
    for (Strategy s : List.of(Strategy.RANDOM, Strategy.PCT, Strategy.POS, Strategy.EXHAUSTIVE)) {
      for (String name : BUGGY.keySet()) {
        assertThat(FAILURES).as(name + " " + s)
            .anyMatch(p -> p.scenario().equals(name) && p.strategy() == s);
      }
      for (String name : CORRECT) {
        assertThat(OUTCOMES).as(name + " " + s)
            .anyMatch(p -> p.scenario().equals(name) && p.strategy() == s);
      }
    }
  }

  private static String describe(FailurePin pin, InterleavingFailure f) {
    return describe(pin, f.schedule(), f.kind(), f.replayToken());
  }

  /** One line that reads, when it differs, as the pin to paste. */
  private static String describe(FailurePin pin, int schedule, Kind kind, String token) {
    return "new FailurePin(\"" + pin.scenario() + "\", Strategy." + pin.strategy() + ", "
        + pin.seed() + "L, " + schedule + ", Kind." + kind + ", \"" + token + "\"),";
  }

  private static String digest(List<String> seen) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(String.join("\n", seen).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Prints the pins the current code produces (run by hand when a change is meant to change them). */
  static void printCurrent(Consumer<String> out) {
    long[] seeds = {11, 12};
    for (Strategy s : List.of(Strategy.RANDOM, Strategy.PCT, Strategy.POS, Strategy.EXHAUSTIVE)) {
      for (String name : List.of("lostUpdate", "monitorDeadlock", "lostWakeup", "lockDeadlock")) {
        for (long seed : seeds) {
          FailurePin probe = new FailurePin(name, s, seed, 0, null, null);
          InterleavingFailure f = catchThrowableOfType(InterleavingFailure.class,
              () -> Interleavings.configure().strategy(s).seed(seed).schedules(500)
                  .shrink(0, Duration.ZERO).explore(BUGGY.get(name)));
          out.accept(f == null ? "// no failure: " + probe : describe(probe, f));
        }
      }
      for (String name : CORRECT) {
        List<String> seen = new CopyOnWriteArrayList<>();
        Interleavings.configure().strategy(s).seed(seeds[0]).schedules(OBSERVED_SCHEDULES)
            .explore(observing(name, seen));
        out.accept("new OutcomePin(\"" + name + "\", Strategy." + s + ", " + seeds[0] + "L, \""
            + digest(seen) + "\"), // " + seen);
      }
    }
  }

  @org.junit.jupiter.api.Test
  @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "baton.printPins", matches = "true")
  void printThePinsOfTheCurrentCode() {
    printCurrent(System.out::println);
  }
}
