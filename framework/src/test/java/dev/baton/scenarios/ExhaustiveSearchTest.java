package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Strategy#EXHAUSTIVE}: exact schedule counts of small programs, computed by hand, with and
 * without partial-order reduction; bugs found; correct programs never reported.
 *
 * <p>The hand computation for the one-worker programs of {@link ExhaustiveSearchScenarios}: main's
 * steps m1 m2 m3 and the worker's t1 t2 (see there) interleave in any order with m3 last (join
 * waits for t2), so there are C(4,2) = 6 schedules, with these preemptions (a switch away from a
 * thread that could go on; a switch at main's join, which blocks, or at the worker's end is free):
 *
 * <pre>
 *   m1 m2 t1 t2 m3   0      (main runs until join blocks)
 *   m1 t1 t2 m2 m3   1      (t1 preempts main before its write; t1 ends)
 *   t1 t2 m1 m2 m3   1      (t1 preempts main right after the start)
 *   m1 t1 m2 t2 m3   2      (t1 preempts main; main preempts t1 before its write)
 *   t1 m1 m2 t2 m3   2
 *   t1 m1 t2 m2 m3   3
 * </pre>
 *
 * So without reduction, bounds 0, 1, 2, 3 give 1, 3, 5, 6 schedules.
 */
class ExhaustiveSearchTest {

  private static ExplorationResult exhaust(Scenario scenario, int maxPreemptions, boolean reduction) {
    return Interleavings.configure().strategy(Strategy.EXHAUSTIVE).schedules(10_000)
        .maxPreemptions(maxPreemptions).reduction(reduction).explore(scenario);
  }

  @ParameterizedTest(name = "≤ {0} preemptions: {1} schedules")
  @CsvSource({"0, 1", "1, 3", "2, 5", "3, 6"})
  void withoutReductionEverySchedule(int bound, int expected) {
    // See the class comment: the same six schedules whichever field each thread writes.
    assertThat(exhaust(ExhaustiveSearchScenarios::differentFields, bound, false).schedules())
        .isEqualTo(expected);
    assertThat(exhaust(ExhaustiveSearchScenarios::sameField, bound, false).schedules())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "≤ {0} preemptions")
  @CsvSource({"0", "1", "2", "3"})
  void withReductionIndependentWritesAreOneSchedule(int bound) {
    // Main writes y, the worker x: no two steps of different threads touch the same location
    // (t2 ends the worker and m3 joins it, but m3 cannot run before t2), so all six schedules of
    // the class comment are one equivalence class: one schedule, whatever the bound.
    ExplorationResult result = exhaust(ExhaustiveSearchScenarios::differentFields, bound, true);
    assertThat(result.schedules()).isEqualTo(1);
    assertThat(result.complete()).isTrue();
    assertThat(result.note()).startsWith(
        "Explored all 1 schedule (no schedule needed more than 0 preemptions): no failure");
  }

  @Test
  void withReductionThreeThreadsWritingDifferentFieldsAreOneSchedule() {
    // Without reduction, the two workers and main have dozens of schedules; every step is
    // independent of the other threads' (starts and joins only order a thread after its start
    // and before its join), so they are all equivalent.
    assertThat(exhaust(ExhaustiveSearchScenarios::twoWorkersDifferentFields, 3, true).schedules())
        .isEqualTo(1);
    assertThat(exhaust(ExhaustiveSearchScenarios::twoWorkersDifferentFields, 3, false).schedules())
        .isGreaterThan(10);
  }

  @ParameterizedTest(name = "≤ {0} preemptions: {1} schedules")
  @CsvSource({"0, 1", "1, 2", "2, 3", "3, 3"})
  void withReductionConflictingWritesAreExploredInBothOrders(int bound, int expected) {
    // Main and the worker write x: two classes, "m2 before t2" and "t2 before m2".
    // Bound 0 reaches only m1 m2 t1 t2 m3: 1. Its race (m2, t2) puts t1 at the choice before m2,
    // a preemption: bound 1 runs m1 t1 t2 m2 m3, the other class: 2 (the optimum).
    // Bound 2: that run's race (t2, m2) puts main at the choice before t2, a second preemption:
    // m1 t1 m2 t2 m3 runs, a second member of the first class (there are no sleep sets to rule
    // it out): 3. No choice needs a third preemption, so bound 3 runs the same 3.
    ExplorationResult result = exhaust(ExhaustiveSearchScenarios::sameField, bound, true);
    assertThat(result.schedules()).isEqualTo(expected);
    assertThat(result.complete()).isTrue();
  }

  @Test
  void aCleanRunSaysWhatWasExplored() {
    ExplorationResult bounded = exhaust(ExhaustiveSearchScenarios::sameField, 2, false);
    assertThat(bounded.note())
        .isEqualTo("Explored all 5 schedules with ≤ 2 preemptions: no failure.");
    ExplorationResult all = exhaust(ExhaustiveSearchScenarios::sameField, 3, false);
    assertThat(all.note())
        .isEqualTo("Explored all 6 schedules (no schedule needed more than 3 preemptions): no failure.");
  }

  @Test
  void whenTheBudgetRunsOutTheNoteSaysHowFarItIsComplete() {
    ExplorationResult result = Interleavings.configure().strategy(Strategy.EXHAUSTIVE)
        .schedules(2).reduction(false).explore(ExhaustiveSearchScenarios::sameField);
    assertThat(result.complete()).isFalse();
    assertThat(result.note()).isEqualTo("Every schedule with at most 0 preemptions was explored;"
        + " the budget ran out in the round allowing 1.");
  }

  @Test
  void aCorrectProgramIsExploredCompletelyAndPasses() {
    for (boolean reduction : new boolean[] {true, false}) {
      ExplorationResult result = exhaust(ExhaustiveSearchScenarios::lockedIncrements, 3, reduction);
      assertThat(result.complete()).isTrue();
      assertThat(result.note()).contains("no failure");
    }
    // Reduction explores fewer: the lock's enter/exit order is all that matters.
    assertThat(exhaust(ExhaustiveSearchScenarios::lockedIncrements, 2, true).schedules())
        .isLessThan(exhaust(ExhaustiveSearchScenarios::lockedIncrements, 2, false).schedules());
  }

  @Test
  void findsTheLostUpdateWithAndWithoutReduction() {
    for (boolean reduction : new boolean[] {true, false}) {
      InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
          () -> exhaust(ExhaustiveSearchScenarios::unlockedIncrements, 2, reduction));
      assertThat(failure).as("reduction " + reduction).isNotNull();
      assertThat(failure.getCause()).hasMessage("lost update: x = 1");
      // Found in round 1: a second preemption is never needed, so it was never shortened.
      assertThat(failure.getMessage()).doesNotContain("Shortened before reporting");
    }
  }

  @Test
  void findsTheLostUpdateInsideAThreadPool() {
    // Pool workers run JDK code between tasks that Baton does not see: their steps count as
    // conflicting with everything, so reduction cannot hide the race between the two tasks.
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(Strategy.EXHAUSTIVE).schedules(2_000)
            .explore(Scenarios::executorLostUpdate));
    assertThat(failure).isNotNull();
    assertThat(failure.getCause()).hasMessage("lost update: count = 1");
  }

  @Test
  void aCorrectThreadPoolScenarioIsExploredCompletely() {
    ExplorationResult result = Interleavings.configure().strategy(Strategy.EXHAUSTIVE)
        .schedules(5_000).explore(Scenarios::executorService);
    assertThat(result.complete()).isTrue();
    assertThat(result.note()).contains("no failure");
  }

  @Test
  void aNegativeBoundIsRejectedWithTheFix() {
    assertThatThrownBy(() -> exhaust(ExhaustiveSearchScenarios::sameField, -1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPreemptions = -1")
        .hasMessageContaining("it must be 0 (no preemption at all) or more");
  }
}
