package dev.baton.jdk;

import static dev.baton.jdk.JdkExplorations.findsAndReplays;
import static dev.baton.jdk.JdkExplorations.passesTheDefaultBudget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import org.junit.jupiter.api.Test;

/** CompletableFuture: async stages on an executor and on the default pool, completion races. */
class CompletableFutureTest {

  @Test
  void supplyAsyncOnAnExecutorWithThenCombineThenApplyAndAllOf() {
    passesTheDefaultBudget(CompletableFutureScenarios::supplyAsyncOnAnExecutorThenCombine);
  }

  @Test
  void supplyAsyncOnTheDefaultAsyncPool() {
    // With a common-pool parallelism below 2 (2 cores or fewer) the default async pool starts a
    // thread per task; above, it is the common pool, tested explicitly below.
    passesTheDefaultBudget(CompletableFutureScenarios::supplyAsyncOnTheDefaultPool);
  }

  @Test
  void supplyAsyncOnTheCommonPool() {
    passesTheDefaultBudget(CompletableFutureScenarios::supplyAsyncOnTheCommonPool);
  }

  @Test
  void completeLetsExactlyOneRacerWin() {
    passesTheDefaultBudget(CompletableFutureScenarios::firstCompletionWinsThroughComplete);
  }

  /**
   * The JDK's delayer thread, started outside Baton before the exploration, is woken by the
   * schedule's {@code orTimeout}: it joins the schedule, so its timer fires on the virtual clock.
   * It used to run beside the baton, on the real clock, and the 5 s task "won" every time.
   */
  @Test
  void orTimeoutFiresThroughADelayerThreadStartedBeforeTheExploration() {
    PreExistingWorkerScenarios.startTheJdksDelayerOutsideBaton();
    passesTheDefaultBudget(PreExistingWorkerScenarios::orTimeoutFiresBeforeASlowTask);
  }

  /** ... and what it runs is interleaved with the schedule's threads, so a race there is found. */
  @Test
  void findsARaceOnADelayerThreadStartedBeforeTheExploration() {
    PreExistingWorkerScenarios.startTheJdksDelayerOutsideBaton();
    InterleavingFailure failure = findsAndReplays(
        PreExistingWorkerScenarios::delayedTaskOnTheDelayerThreadRacesMain, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessage("lost update: hits = 1");
  }

  @Test
  void findsAnAsyncResultReadWithoutJoining() {
    InterleavingFailure failure =
        findsAndReplays(CompletableFutureScenarios::asyncResultReadWithoutJoining, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessage("read 0 before the async load finished");
  }

  @Test
  void findsTheCheckThenActOfIsDoneAndComplete() {
    InterleavingFailure failure =
        findsAndReplays(CompletableFutureScenarios::firstCompletionCheckedWithIsDone, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessage("2 winners");
    assertThat(failure.getMessage()).contains("call CompletableFuture.isDone");
  }

  @Test
  void findsAFutureThatIsNeverCompleted() {
    InterleavingFailure failure =
        findsAndReplays(CompletableFutureScenarios::errorPathNeverCompletesTheFuture, Kind.DEADLOCK);
    assertThat(failure.getMessage())
        .contains("deadlock")
        .containsPattern("main waits for CompletableFuture\\$Signaller#\\d, at "
            + "CompletableFutureScenarios.errorPathNeverCompletesTheFuture\\(CompletableFutureScenarios.java:\\d+\\),"
            + " in CompletableFuture.get");
  }
}
