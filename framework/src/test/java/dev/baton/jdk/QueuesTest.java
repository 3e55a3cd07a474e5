package dev.baton.jdk;

import static dev.baton.jdk.JdkExplorations.findsAndReplays;
import static dev.baton.jdk.JdkExplorations.passesTheDefaultBudget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import org.junit.jupiter.api.Test;

/** SynchronousQueue, LinkedTransferQueue and DelayQueue. */
class QueuesTest {

  @Test
  void synchronousQueuePutHandsOffEveryMessage() {
    passesTheDefaultBudget(QueueScenarios::synchronousQueueHandsOffEveryMessage);
  }

  @Test
  void linkedTransferQueueTransferWaitsForTheConsumer() {
    passesTheDefaultBudget(QueueScenarios::transferWaitsForTheConsumer);
  }

  @Test
  void delayQueueReleasesMessagesWhenDueOnTheVirtualClock() {
    passesTheDefaultBudget(QueueScenarios::delayQueueReleasesMessagesWhenDue);
  }

  @Test
  void findsAMessageDroppedByOfferOnASynchronousQueue() {
    InterleavingFailure failure =
        findsAndReplays(QueueScenarios::ackThenOfferDropsMessages, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessageMatching("acknowledged 2 messages, processed [01]");
    assertThat(failure.getMessage()).contains("call SynchronousQueue.offer");
  }

  @Test
  void findsAnOrderLostByAnIgnoredTryTransfer() {
    InterleavingFailure failure =
        findsAndReplays(QueueScenarios::tryTransferIgnoredLosesTheOrder, Kind.DEADLOCK);
    assertThat(failure.getMessage())
        .contains("main waits to join thread-1")
        .containsPattern("thread-1 waits for LinkedTransferQueue#\\d");
  }

  @Test
  void findsTheCheckThenPollOnADelayQueue() {
    InterleavingFailure failure =
        findsAndReplays(QueueScenarios::delayQueueCheckThenPoll, Kind.EXCEPTION);
    assertThat(failure.getCause()).isInstanceOf(NullPointerException.class);
    assertThat(failure.getMessage())
        .containsPattern("\\(thrown in sender-[ab]\\)")
        .contains("call DelayQueue.isEmpty")
        .contains("timed out");
  }

  @Test
  void aDeadlockReportNamesTheConditionATakeWaitsOn() {
    InterleavingFailure failure =
        findsAndReplays(QueueScenarios::consumerWaitsOnAnEmptyQueue, Kind.DEADLOCK);
    assertThat(failure.getMessage())
        .contains("main waits to join consumer")
        .containsPattern("consumer waits for Condition#\\d, at QueueScenarios.lambda\\$consumerWaitsOnAnEmptyQueue\\S+, in BlockingQueue.take")
        .doesNotContain("Scheduler");
  }
}
