package dev.baton.jdk;

import static dev.baton.jdk.JdkExplorations.findsAndReplays;
import static dev.baton.jdk.JdkExplorations.passesTheDefaultBudget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import dev.baton.Scenario;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Thread pools: the {@code Executors} factories, ThreadPoolExecutor, invokeAll/Any, shutdown. */
class ExecutorTest {

  static Stream<Arguments> correctUses() {
    return Stream.of(
        Arguments.of("fixed pool, synchronized counter",
            (Scenario) ExecutorScenarios::fixedPoolWithSynchronizedCounter),
        Arguments.of("cached pool, atomic counter",
            (Scenario) ExecutorScenarios::cachedPoolWithAtomicCounter),
        Arguments.of("single-thread executor serializes plain increments",
            (Scenario) ExecutorScenarios::singleThreadExecutorSerializesPlainIncrements),
        Arguments.of("saturated ThreadPoolExecutor with CallerRunsPolicy",
            (Scenario) ExecutorScenarios::saturatedPoolRunsOverflowOnTheCaller),
        Arguments.of("invokeAll", (Scenario) ExecutorScenarios::invokeAllCollectsEveryResult),
        Arguments.of("invokeAny",
            (Scenario) ExecutorScenarios::invokeAnyReturnsTheResultOfATaskThatCompleted),
        Arguments.of("shutdown + awaitTermination",
            (Scenario) ExecutorScenarios::shutdownThenAwaitTerminationSeesEveryTask),
        Arguments.of("shutdownNow",
            (Scenario) ExecutorScenarios::shutdownNowInterruptsTheRunningTaskAndReturnsTheQueued));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("correctUses")
  void correctUsePassesTheDefaultBudget(String name, Scenario scenario) {
    passesTheDefaultBudget(scenario);
  }

  @Test
  void findsALostUpdateInACachedPool() {
    InterleavingFailure failure =
        findsAndReplays(ExecutorScenarios::lostUpdateInCachedPool, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessage("lost update: count = 1");
    assertThat(failure.getMessage()).containsPattern("pool-thread-\\d+ +write SharedCounter.count");
  }

  @Test
  void findsTheThreadStarvationDeadlockOfATaskWaitingInItsOwnFullPool() {
    InterleavingFailure failure =
        findsAndReplays(ExecutorScenarios::taskWaitsForSubtaskInItsOwnFullPool, Kind.DEADLOCK);
    assertThat(failure.getMessage())
        .contains("deadlock")
        .containsPattern("main waits for FutureTask#\\d")
        .containsPattern("pool-thread-\\d+ waits for FutureTask#\\d");
  }

  @Test
  void findsResultsReadAfterShutdownWithoutAwaitingTermination() {
    InterleavingFailure failure = findsAndReplays(
        ExecutorScenarios::readsResultsAfterShutdownWithoutAwaitingTermination, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessageMatching("read [01] of 2 results right after shutdown\\(\\)");
  }

  @Test
  void findsTheRejectionOfABoundedPoolWhoseWorkerIsSlow() {
    InterleavingFailure failure =
        findsAndReplays(ExecutorScenarios::boundedPoolRejectsWhenTheWorkerIsSlow, Kind.EXCEPTION);
    assertThat(failure.getCause()).isInstanceOf(RejectedExecutionException.class);
    assertThat(failure.getMessage()).contains("(thrown in main)");
  }

  @Test
  void findsInvokeAllResultsCollectedThroughASharedIndex() {
    InterleavingFailure failure = findsAndReplays(
        ExecutorScenarios::invokeAllResultsCollectedThroughASharedIndex, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessageMatching("results (1, 0|4, 0)");
    assertThat(failure.getMessage()).contains("call ExecutorService.invokeAll");
  }

  @Test
  void findsAnInvokeAnyWinnerReadFromASharedField() {
    InterleavingFailure failure =
        findsAndReplays(ExecutorScenarios::invokeAnyWinnerReadFromASharedField, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessageContaining("but the field says");
  }

  @Test
  void findsTasksDroppedByShutdownNow() {
    InterleavingFailure failure =
        findsAndReplays(ExecutorScenarios::shutdownNowDropsQueuedTasks, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessageMatching("emails sent: [01] of 2");
  }

  @Test
  void findsTheResultOfAMethodReferenceTaskReadWithoutWaiting() {
    InterleavingFailure failure = findsAndReplays(
        ExecutorScenarios::resultOfAMethodReferenceTaskReadWithoutWaiting, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessage("read 0 sent emails before the task ran");
  }
}
