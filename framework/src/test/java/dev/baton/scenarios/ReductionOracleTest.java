package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The oracle for EXHAUSTIVE's partial-order reduction: on every program of {@link
 * ReductionCorpus}, the search with reduction must end as the search without it does, under the
 * same preemption bound: the same failure kind, or, when neither fails, the same set of outcomes
 * the schedules produced; and it must not run more schedules. (Issue 14, item 6: a lock-order
 * deadlock was "explored all 4 schedules: no failure" with reduction.)
 */
class ReductionOracleTest {
  /**
   * The bound for the programs with few steps and for the cycle of three monitors, which needs two
   * preemptions; programs of three threads or many steps inside java.util.concurrent run with
   * {@link #SHORT_BOUND}, to keep this test short.
   */
  private static final int BOUND = 2;
  private static final int SHORT_BOUND = 1;
  private static final int BUDGET = 20_000;

  /** How one search ended: the first failure's kind (or null), the outcomes, the schedules run. */
  private record Ending(InterleavingFailure.Kind failure, Set<String> outcomes, int schedules,
      boolean complete) {}

  @TestFactory
  Stream<DynamicTest> reductionFindsWhatTheFullSearchFinds() {
    return Stream.of(
        program("monitorLockOrder", BOUND, o -> () -> o.add(ReductionCorpus.monitorLockOrder())),
        program("monitorSameOrder", BOUND, o -> () -> o.add(ReductionCorpus.monitorSameOrder())),
        program("monitorCycleOfThree", BOUND,
            o -> () -> o.add(ReductionCorpus.monitorCycleOfThree())),
        program("monitorWithUnlockedReader", BOUND,
            o -> () -> o.add(ReductionCorpus.monitorWithUnlockedReader())),
        program("monitorHandOver", SHORT_BOUND,
            o -> () -> o.add(ReductionCorpus.monitorHandOver())),
        program("synchronizedMethodLockOrder", BOUND,
            o -> () -> o.add(ReductionCorpus.synchronizedMethodLockOrder())),
        program("waitForCondition", SHORT_BOUND,
            o -> () -> o.add(ReductionCorpus.waitForCondition())),
        program("lostNotify", BOUND, o -> () -> o.add(ReductionCorpus.lostNotify())),
        program("notifyAllWakesBoth", SHORT_BOUND,
            o -> () -> o.add(ReductionCorpus.notifyAllWakesBoth())),
        program("reentrantLockOrder", BOUND,
            o -> () -> o.add(ReductionCorpus.reentrantLockOrder())),
        program("reentrantTryLock", SHORT_BOUND, o -> () -> o.add(ReductionCorpus.reentrantTryLock())),
        program("readWriteLock", SHORT_BOUND, o -> () -> o.add(ReductionCorpus.readWriteLock())),
        program("readWriteLockAndMonitor", BOUND,
            o -> () -> o.add(ReductionCorpus.readWriteLockAndMonitor())),
        program("stampedOptimisticRead", SHORT_BOUND,
            o -> () -> o.add(ReductionCorpus.stampedOptimisticRead())),
        program("joinThenRead", SHORT_BOUND, o -> () -> o.add(ReductionCorpus.joinThenRead())),
        program("parkAndUnpark", BOUND, o -> () -> o.add(ReductionCorpus.parkAndUnpark())),
        program("semaphore", SHORT_BOUND, o -> () -> o.add(ReductionCorpus.semaphore())),
        program("latch", SHORT_BOUND, o -> () -> o.add(ReductionCorpus.latch())),
        program("lostUpdate", BOUND, o -> () -> o.add(ReductionCorpus.lostUpdate())),
        program("readerBetweenWriters", SHORT_BOUND,
            o -> () -> o.add(ReductionCorpus.readerBetweenWriters())),
        program("atomicCompareAndSet", SHORT_BOUND,
            o -> () -> o.add(ReductionCorpus.atomicCompareAndSet())),
        program("atomicsAndPlainFields", SHORT_BOUND,
            o -> () -> o.add(ReductionCorpus.atomicsAndPlainFields())),
        program("threeThreadsMostlyIndependent", SHORT_BOUND,
            o -> () -> o.add(ReductionCorpus.threeThreadsMostlyIndependent())));
  }

  /**
   * A program of the corpus as a test, searched with at most {@code bound} preemptions; {@code
   * scenario} makes the scenario that adds its outcome to the given set (a JDK type, so the
   * scenario lambda may capture it).
   */
  private static DynamicTest program(
      String name, int bound, Function<Set<String>, Scenario> scenario) {
    return DynamicTest.dynamicTest(name, () -> {
      Ending full = search(scenario, bound, false);
      Ending reduced = search(scenario, bound, true);
      String both = "%s: without reduction %s, with reduction %s".formatted(name, full, reduced);
      assertThat(full.failure() != null || full.complete()).as("the full search ends: " + both)
          .isTrue();
      assertThat(reduced.failure()).as(both).isEqualTo(full.failure());
      if (full.failure() == null) {
        assertThat(reduced.complete()).as(both).isTrue();
        assertThat(reduced.outcomes()).as(both).isEqualTo(full.outcomes());
        assertThat(reduced.schedules()).as(both).isLessThanOrEqualTo(full.schedules());
      }
    });
  }

  private static Ending search(
      Function<Set<String>, Scenario> scenario, int bound, boolean reduction) {
    Set<String> outcomes = new HashSet<>(); // shared by the schedules, which run one at a time
    Interleavings.Options options = Interleavings.configure().strategy(Strategy.EXHAUSTIVE)
        .schedules(BUDGET).maxPreemptions(bound).reduction(reduction)
        .shrink(0, Duration.ofSeconds(1));
    try {
      ExplorationResult result = options.explore(scenario.apply(outcomes));
      return new Ending(null, new TreeSet<>(outcomes), result.schedules(), result.complete());
    } catch (InterleavingFailure failure) {
      return new Ending(failure.kind(), new TreeSet<>(outcomes), failure.schedule(), false);
    }
  }
}
