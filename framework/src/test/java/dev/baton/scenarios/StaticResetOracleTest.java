package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Static state reset in place against the plain way, a new class loader for every schedule: the
 * same search (a random one, POS, and the exhaustive one with its partial-order reduction, which
 * watches every access) must run the same schedules (same fingerprint, same steps) and end the
 * same way (same failure, in the same schedule, with the same token), on a corpus of programs
 * whose state is static ({@link StaticResetScenarios}).
 */
class StaticResetOracleTest {
  private static final String SWITCH = "baton.internal.resetStatics";

  enum Program {
    LOST_UPDATE(StaticResetScenarios::lostUpdate, true, true),
    REORDER(StaticResetScenarios::reorder, true, true),
    GUARDED(StaticResetScenarios::guarded, false, true),
    SINGLETON(StaticResetScenarios::singleton, false, true),
    LAZY_INIT(StaticResetScenarios::lazyInit, true, true),
    OVERDRAFT(StaticResetScenarios::overdraft, true, true),
    CLOCKED(StaticResetScenarios::clocked, true, false),
    DOUBLE_START(StaticResetScenarios::doubleStart, true, true),
    REGISTER_PLUGIN(StaticResetScenarios::registerPlugin, false, false),
    NUMBERED_HASHES(StaticResetScenarios::numberedHashes, false, true);

    final Scenario scenario;
    final boolean buggy;
    /** Whether its classes can be reset in place, so that it runs in one loader throughout. */
    final boolean resettable;

    Program(Scenario scenario, boolean buggy, boolean resettable) {
      this.scenario = scenario;
      this.buggy = buggy;
      this.resettable = resettable;
    }
  }

  /** How one exploration ended, everything that tells two runs of a search apart. */
  record Ending(String failure, int schedule, String token, long fingerprint, long steps) {}

  private static Ending explore(Program program, Strategy strategy, boolean resetInPlace) {
    String before = System.getProperty(SWITCH);
    System.setProperty(SWITCH, Boolean.toString(resetInPlace));
    try {
      ExplorationResult result = Interleavings.configure().strategy(strategy).seed(11)
          .schedules(150).explore(program.scenario);
      return new Ending(null, 0, null, result.coverage().fingerprint(),
          result.coverage().steps());
    } catch (InterleavingFailure failure) {
      return new Ending(failure.kind() + ": " + failure.getMessage().lines().findFirst().orElse(""),
          failure.schedule(), failure.replayToken(), 0, 0);
    } finally {
      if (before == null) System.clearProperty(SWITCH);
      else System.setProperty(SWITCH, before);
    }
  }

  @ParameterizedTest
  @EnumSource(Program.class)
  void resetInPlaceRunsTheSchedulesANewLoaderRuns(Program program) {
    for (Strategy strategy : new Strategy[] {Strategy.RANDOM, Strategy.POS, Strategy.EXHAUSTIVE}) {
      Ending plain = explore(program, strategy, false);
      Ending reset = explore(program, strategy, true);

      assertThat(reset).as("%s under %s", program, strategy).isEqualTo(plain);
      if (strategy == Strategy.RANDOM) {
        assertThat(plain.failure() != null).as("%s found", program).isEqualTo(program.buggy);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Program.class, names = {"LOST_UPDATE", "REORDER", "DOUBLE_START"})
  void aFailureFoundAfterAResetReplaysInANewLoader(Program program) {
    InterleavingFailure found = null;
    for (long seed = 11; seed < 40 && (found == null || found.schedule() == 1); seed++) {
      long s = seed;
      found = catchThrowableOfType(InterleavingFailure.class,
          () -> Interleavings.configure().strategy(Strategy.RANDOM).seed(s).schedules(150)
              .explore(program.scenario));
    }
    assertThat(found).isNotNull();
    assertThat(found.schedule()).as("found after a reset in place").isGreaterThan(1);
    String token = found.replayToken();

    // The replay runs the failing schedule alone, first in a new loader: classes initialised
    // where they are first used, not reset.
    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(token).explore(program.scenario));
    assertThat(replayed).isNotNull();
    assertThat(replayed.kind()).isEqualTo(found.kind());
    assertThat(firstLine(replayed)).isEqualTo(firstLine(found));
  }

  private static String firstLine(InterleavingFailure failure) {
    return failure.getMessage().lines().findFirst().orElse("");
  }

  @ParameterizedTest
  @EnumSource(Program.class)
  void theCorpusIsResetInPlaceWhereItsClassesAllowIt(Program program) {
    Set<ClassLoader> loaders = ConcurrentHashMap.newKeySet();
    String name = program.name();

    Interleavings.configure().schedules(8).seed(5).explore(() -> {
      loaders.add(Thread.currentThread().getContextClassLoader());
      try {
        StaticResetScenarios.byName(name);
      } catch (AssertionError expected) {
        // the bug, when this schedule has it: the loaders are what is counted here
      }
    });

    assertThat(loaders).hasSize(program.resettable ? 1 : 8);
  }

  @Test
  void aClassThatCanBeResetKeepsItsLoaderAndStartsEverySchedulePristine() {
    Set<ClassLoader> loaders = ConcurrentHashMap.newKeySet();

    ExplorationResult result = Interleavings.configure().schedules(20).seed(1)
        .explore(() -> StaticResetScenarios.recordLoaderOfResettable(loaders));

    assertThat(result.schedules()).isEqualTo(20);
    assertThat(loaders).hasSize(1);
  }

  @Test
  void aClassWhoseInitialiserReadsTheClockGetsANewLoaderForEverySchedule() {
    Set<ClassLoader> loaders = ConcurrentHashMap.newKeySet();

    Interleavings.configure().schedules(20).seed(1)
        .explore(() -> StaticResetScenarios.recordLoaderOfClocked(loaders));

    assertThat(loaders).hasSize(20);
  }

  @Test
  void withTheInternalSwitchOffEveryScheduleGetsANewLoader() {
    Set<ClassLoader> loaders = ConcurrentHashMap.newKeySet();
    System.setProperty(SWITCH, "false");
    try {
      Interleavings.configure().schedules(20).seed(1)
          .explore(() -> StaticResetScenarios.recordLoaderOfResettable(loaders));
    } finally {
      System.clearProperty(SWITCH);
    }

    assertThat(loaders).hasSize(20);
  }
}
