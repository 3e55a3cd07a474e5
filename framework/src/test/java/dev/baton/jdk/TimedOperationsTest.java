package dev.baton.jdk;

import static dev.baton.jdk.JdkExplorations.findsAndReplays;
import static dev.baton.jdk.JdkExplorations.passesTheDefaultBudget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Timed operations on the virtual clock: poll/offer with a timeout, tryLock(t), await(t),
 * Future.get(t), awaitTermination.
 */
class TimedOperationsTest {

  static Stream<Arguments> healthyPrograms() {
    return Stream.of(
        Arguments.of("CountDownLatch.await(t), Condition.awaitNanos",
            (Scenario) TimedScenarios::latchAndConditionAwaitOnAHealthyProgram),
        Arguments.of("tryLock(t), offer(t), poll(t)",
            (Scenario) TimedScenarios::tryLockOfferAndPollOnAHealthyProgram),
        Arguments.of("Future.get(t), invokeAll(t), awaitTermination(t)",
            (Scenario) TimedScenarios::futureGetInvokeAllAndAwaitTerminationOnAHealthyPool),
        Arguments.of("CyclicBarrier, Phaser, Exchanger, Semaphore with timeouts",
            (Scenario) TimedScenarios::barrierPhaserExchangerAndSemaphoreOnAHealthyProgram),
        Arguments.of("wait(10 ms) ends while the holder sleeps 100 ms",
            (Scenario) TimedScenarios::timedWaitEndsWhileTheHolderSleeps));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("healthyPrograms")
  void generousDeadlinesNeverFireSpuriouslyOnAHealthyProgram(String operations, Scenario scenario) {
    passesTheDefaultBudget(scenario);
  }

  static Stream<Arguments> deadlinesNothingCanMeet() {
    return Stream.of(
        Arguments.of("Future.get(1 ms), CompletableFuture.get(1 h)",
            (Scenario) TimedScenarios::futureGetOnATaskThatNeverCompletesTimesOut),
        Arguments.of("tryLock(30 s)", (Scenario) TimedScenarios::tryLockTimesOutWhileTheHolderKeepsTheLock),
        Arguments.of("poll(2 s), offer(2 s)", (Scenario) TimedScenarios::pollAndOfferTimeOut),
        Arguments.of("latch, condition, semaphore, barrier, exchanger, phaser",
            (Scenario) TimedScenarios::awaitsWithNobodyToMeetTimeOut),
        Arguments.of("awaitTermination(1 s)", (Scenario) TimedScenarios::awaitTerminationTimesOutOnAStuckPool));
  }

  /** Each scenario checks that its deadlines fired and that the virtual clock moved past them. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("deadlinesNothingCanMeet")
  void deadlinesThatNothingCanMeetFireOnTheVirtualClockInsteadOfHanging(String operations, Scenario scenario) {
    passesTheDefaultBudget(scenario);
  }

  @Test
  void findsATimeoutShorterThanTheCallItGuards() {
    InterleavingFailure failure =
        findsAndReplays(TimedScenarios::timeoutShorterThanTheCallItGuards, Kind.EXCEPTION);
    assertThat(failure.getCause()).isInstanceOf(TimeoutException.class);
    assertThat(failure.getMessage()).contains("(thrown in main)").contains("timed out");
  }

  @Test
  void findsAMessageLostWhenTheHandOffDeadlineFiresWhileTheWorkerIsBusy() {
    InterleavingFailure failure =
        findsAndReplays(TimedScenarios::ackThenOfferWithADeadlineLosesMessages, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessageMatching("acknowledged 3 messages, lost [123] of them");
    assertThat(failure.getMessage()).contains("timed out");
  }

  @Test
  void aTimedOutWaiterStuckBehindTheMonitorsHolderIsADeadlockThatNamesTheHolder() {
    InterleavingFailure failure = findsAndReplays(Interleavings.configure().maxPauseMillis(0),
        TimedScenarios::timedOutWaiterNeedsTheMonitorOfAHolderStuckOnALatch, Kind.DEADLOCK);
    assertThat(failure.getMessage())
        .containsPattern("waiter waits to re-enter Object#\\d+ held by main after its wait\\(\\) ended")
        .containsPattern("main waits for CountDownLatch#\\d+");
  }

  @Test
  void instantNowSeesTheVirtualClock() {
    passesTheDefaultBudget(TimedScenarios::instantNowSeesVirtualTime);
  }
}
