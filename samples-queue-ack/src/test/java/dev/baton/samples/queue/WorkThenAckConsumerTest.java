package dev.baton.samples.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ExploreInterleavings;
import dev.baton.Interleavings;
import dev.baton.Strategy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fix of incident 003 under Baton: {@link WorkThenAckConsumer} loses nothing and does nothing
 * twice in every schedule Baton tries, with the busy worker paused until the deadline fires (the
 * schedules that lose a message with {@link AckFirstConsumer}), with a crash between the work and
 * the acknowledgement, and with a connection lost at any moment while a successor takes over. The
 * abandoned hand-off counter stays at zero throughout.
 */
class WorkThenAckConsumerTest {

  @ExploreInterleavings
  void noMessageIsLostOrDoneTwiceWhenThePoolIsFullAtTheDeadline() throws InterruptedException {
    QueueScenarios.workThenAckConsumerWithOneWorker();
  }

  @ExploreInterleavings
  void aCrashBetweenTheWorkAndTheAckIsRedeliveredAndNotDoneTwice() throws InterruptedException {
    QueueScenarios.crashBetweenWorkAndAck();
  }

  /**
   * Two workers may hold the same message here, so this also checks that {@link ProcessedIds}
   * records the work and its id atomically. POS, because it finds a check-then-act version of it
   * within a few dozen schedules, where RANDOM needed thousands.
   */
  @ExploreInterleavings(strategy = Strategy.POS, schedules = 500)
  void aConnectionLostAtAnyMomentLosesNothingAndDoesNothingTwice() throws InterruptedException {
    QueueScenarios.connectionLostAtAnyMoment();
  }

  /**
   * The passing tests above would prove little if the deadline never fired: count the schedules
   * in which the fixed consumer's hand-off missed its deadline, the very moment the ack-first
   * consumer loses a message, and gave the message back instead.
   */
  @Test
  void theDeadlineFiresInManySchedulesAndTheMessageIsGivenBackInstead() {
    AtomicInteger deadlineFired = new AtomicInteger();

    Interleavings.configure().seed(3).schedules(300).explore(() -> {
      if (QueueScenarios.workThenAckConsumerWithOneWorker() > 0) deadlineFired.incrementAndGet();
    });

    assertThat(deadlineFired.get()).as("schedules whose hand-off missed the deadline").isPositive();
  }

  /** Likewise: count the schedules in which a redelivery found its work already done. */
  @Test
  void redeliveriesOfWorkAlreadyDoneHappenAndAreSkipped() {
    AtomicInteger skipped = new AtomicInteger();

    Interleavings.configure().seed(5).schedules(300).explore(() -> {
      if (QueueScenarios.connectionLostAtAnyMoment() > 0) skipped.incrementAndGet();
    });

    assertThat(skipped.get()).as("schedules with a duplicate delivery skipped").isPositive();
  }
}
