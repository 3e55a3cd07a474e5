package dev.baton.samples.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The load test of the incident, without Baton: real threads, a saturated pool, as many messages
 * as fit in a second, with the same hand-off deadline as the Baton tests. It prints how many
 * messages the ack-first consumer lost, which is almost always none: on a healthy machine a worker
 * never stays busy for 100 ms, just as under strace the pool was never full at the wrong instant.
 * What it asserts holds whatever the timing: every message is accounted for, the abandoned
 * hand-off counter counts exactly the lost ones, and the fixed consumer loses nothing and does
 * nothing twice.
 */
class HandOffStressTest {
  private static final Duration RUN_FOR = Duration.ofSeconds(1);
  private static final int MESSAGES_PER_ROUND = 200;
  private static final int WORKERS = 2;

  /** The work of one message: a short I/O-bound job (some tens of microseconds). */
  private static Consumer<Message> slowly(WorkLog work) {
    return message -> {
      LockSupport.parkNanos(20_000);
      work.process(message);
    };
  }

  @Test
  void theAckFirstConsumerAlmostNeverLosesAMessageUnderRealTimingAndCountsEveryLoss()
      throws InterruptedException {
    int rounds = 0;
    int lost = 0;
    long until = System.nanoTime() + RUN_FOR.toNanos();
    while (System.nanoTime() < until) {
      Broker broker = publish(MESSAGES_PER_ROUND);
      WorkLog work = new WorkLog();
      WorkerPool pool = new WorkerPool("worker", WORKERS);
      pool.start();
      AckFirstConsumer consumer = new AckFirstConsumer(
          broker.connect("consumer"), pool, slowly(work), QueueScenarios.HAND_OFF_DEADLINE);
      consumer.consumeAvailable();
      pool.shutdown();

      int lostThisRound = 0;
      for (int i = 1; i <= MESSAGES_PER_ROUND; i++) {
        int done = work.timesDone("m" + i);
        assertThat(done).as("times the work of m" + i + " was done").isBetween(0, 1);
        if (done == 0) lostThisRound++;
      }
      assertThat(broker.acknowledged()).as("acknowledged, done or not").hasSize(MESSAGES_PER_ROUND);
      assertThat(consumer.abandonedHandoffs()).as("abandoned hand-offs").isEqualTo(lostThisRound);
      lost += lostThisRound;
      rounds++;
    }
    System.out.printf("[stress] ack-first consumer, real threads: %d messages in %d rounds,"
        + " %d lost%n", rounds * MESSAGES_PER_ROUND, rounds, lost);
    assertThat(rounds).as("rounds run").isPositive();
  }

  @Test
  void theWorkThenAckConsumerDoesEveryMessageExactlyOnceUnderRealTiming()
      throws InterruptedException {
    int rounds = 0;
    int givenBack = 0;
    long until = System.nanoTime() + RUN_FOR.toNanos();
    while (System.nanoTime() < until) {
      Broker broker = publish(MESSAGES_PER_ROUND);
      WorkLog work = new WorkLog();
      WorkerPool pool = new WorkerPool("worker", WORKERS);
      pool.start();
      WorkThenAckConsumer consumer = new WorkThenAckConsumer(broker.connect("consumer"), pool,
          new ProcessedIds(), slowly(work), QueueScenarios.HAND_OFF_DEADLINE);
      consumer.consumeAvailable();
      pool.shutdown();

      QueueScenarios.assertEveryMessageDoneOnceAndAcknowledged(broker, work);
      assertThat(consumer.abandonedHandoffs()).as("abandoned hand-offs").isZero();
      givenBack += consumer.givenBack();
      rounds++;
    }
    System.out.printf("[stress] work-then-ack consumer, real threads: %d messages in %d rounds,"
        + " 0 lost, 0 done twice, %d hand-offs given back after the deadline%n",
        rounds * MESSAGES_PER_ROUND, rounds, givenBack);
    assertThat(rounds).as("rounds run").isPositive();
  }

  private static Broker publish(int messages) {
    Broker broker = new Broker();
    for (int i = 1; i <= messages; i++) broker.publish("invoice order " + i);
    return broker;
  }
}
