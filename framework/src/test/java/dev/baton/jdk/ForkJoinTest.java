package dev.baton.jdk;

import static dev.baton.jdk.JdkExplorations.findsAndReplays;
import static dev.baton.jdk.JdkExplorations.passesTheDefaultBudget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** ForkJoinPool: an own pool, the common pool, and parallel streams (which use the common pool). */
class ForkJoinTest {

  @Test
  void ownPoolRecursiveTaskSum() {
    passesTheDefaultBudget(ForkJoinScenarios::ownPoolForkJoinSum);
  }

  @Disabled("framework gap: common-pool workers erase their ThreadLocals after each task, so the"
      + " scheduler loses them (uncontrolled, their end unseen: 60 s per schedule); a worker that"
      + " outlives its schedule is unmanaged in the next")
  @Test
  void commonPoolRecursiveTaskSum() {
    passesTheDefaultBudget(ForkJoinScenarios::commonPoolForkJoinSum);
  }

  @Disabled("framework gap: common-pool workers erase their ThreadLocals after each task, so the"
      + " scheduler loses them (uncontrolled, their end unseen: 60 s per schedule); a worker that"
      + " outlives its schedule is unmanaged in the next")
  @Test
  void parallelStreamSum() {
    passesTheDefaultBudget(ForkJoinScenarios::parallelStreamSum);
  }

  @Test
  void findsALostUpdateInAnOwnPool() {
    InterleavingFailure failure = findsAndReplays(ForkJoinScenarios::ownPoolLostUpdate, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessageMatching("lost update: counted [123] of 4");
    assertThat(failure.getMessage()).containsPattern("fork-join-worker-\\d+ +write SharedCounter.count");
  }

  @Disabled("framework gap: common-pool workers erase their ThreadLocals after each task, so the"
      + " scheduler loses them (uncontrolled, their end unseen: 60 s per schedule); a worker that"
      + " outlives its schedule is unmanaged in the next")
  @Test
  void findsALostUpdateInAParallelStream() {
    InterleavingFailure failure =
        findsAndReplays(ForkJoinScenarios::parallelStreamLostUpdate, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessageMatching("lost update: counted [123] of 4");
    assertThat(failure.getMessage()).containsPattern("fork-join-worker-\\d+ +write SharedCounter.count");
  }
}
