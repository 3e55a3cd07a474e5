package dev.baton.jdk;

import static dev.baton.jdk.JdkExplorations.findsAndReplays;
import static dev.baton.jdk.JdkExplorations.passesTheDefaultBudget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import org.junit.jupiter.api.Test;

/** ForkJoinPool: an own pool, the common pool, and parallel streams (which use the common pool). */
class ForkJoinTest {

  @Test
  void ownPoolRecursiveTaskSum() {
    passesTheDefaultBudget(ForkJoinScenarios::ownPoolForkJoinSum);
  }

  @Test
  void commonPoolRecursiveTaskSum() {
    passesTheDefaultBudget(ForkJoinScenarios::commonPoolForkJoinSum);
  }

  @Test
  void commonPoolWorkersSeeTheScenariosClasses() {
    passesTheDefaultBudget(ForkJoinScenarios::commonPoolWorkersSeeTheScenariosClasses);
  }

  @Test
  void parallelStreamSum() {
    passesTheDefaultBudget(ForkJoinScenarios::parallelStreamSum);
  }

  @Test
  void theCommonPoolInsideASchedulesIsItsOwnAndLeavesNoWorkerBehind() throws Exception {
    java.util.concurrent.ForkJoinPool jvmPool = java.util.concurrent.ForkJoinPool.commonPool();
    long stealsBefore = jvmPool.getStealCount();

    passesTheDefaultBudget(ForkJoinScenarios::parallelStreamSum);

    // The JVM's pool did none of the work, and the schedules' own pools were shut down.
    assertThat(jvmPool.getStealCount()).isEqualTo(stealsBefore);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (scheduleWorkersAlive() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
    assertThat(scheduleWorkersAlive()).isZero();
  }

  /** Workers named as the common pool's that are not the JVM's: those of the schedules. */
  private static long scheduleWorkersAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t instanceof java.util.concurrent.ForkJoinWorkerThread w
            && w.getPool() != java.util.concurrent.ForkJoinPool.commonPool()
            && w.getName().startsWith("ForkJoinPool.commonPool-worker-") && t.isAlive())
        .count();
  }

  @Test
  void findsALostUpdateInAnOwnPool() {
    InterleavingFailure failure = findsAndReplays(ForkJoinScenarios::ownPoolLostUpdate, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessageMatching("lost update: counted [123] of 4");
    assertThat(failure.getMessage()).containsPattern("fork-join-worker-\\d+ +write SharedCounter.count");
  }

  @Test
  void findsALostUpdateInAParallelStream() {
    InterleavingFailure failure =
        findsAndReplays(ForkJoinScenarios::parallelStreamLostUpdate, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessageMatching("lost update: counted [123] of 4");
    assertThat(failure.getMessage()).containsPattern("fork-join-worker-\\d+ +write SharedCounter.count");
  }
}
