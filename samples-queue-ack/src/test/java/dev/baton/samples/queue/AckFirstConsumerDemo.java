package dev.baton.samples.queue;

import dev.baton.ExploreInterleavings;
import java.time.Duration;

/**
 * The raw failing test of incident 003, as a user would write it: Baton finds the schedule in which
 * an acknowledged message is never processed, and the test fails with its report. Its name does
 * not match Surefire's patterns, so the regular build skips it; run it to see the report:
 * {@code mvn test -Dtest=AckFirstConsumerDemo} ({@code AckFirstConsumerTest} asserts the same
 * failure, so the build does check it).
 */
class AckFirstConsumerDemo {

  @ExploreInterleavings
  void everyAcknowledgedMessageIsProcessed() throws InterruptedException {
    Broker broker = new Broker();
    broker.publish("invoice order 1");
    broker.publish("invoice order 2");
    WorkLog work = new WorkLog();
    WorkerPool pool = new WorkerPool("worker", 1);
    pool.start();
    AckFirstConsumer consumer = new AckFirstConsumer(
        broker.connect("consumer"), pool, work::process, Duration.ofMillis(100));
    Thread consuming = new Thread(() -> {
      try {
        consumer.consumeAvailable();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }, "consumer");
    consuming.start();
    consuming.join();
    pool.shutdown();
    for (String id : broker.acknowledged()) {
      if (work.timesDone(id) == 0) {
        throw new AssertionError("message " + id + " was acknowledged but never processed"
            + " (abandoned hand-offs: " + consumer.abandonedHandoffs() + ")");
      }
    }
  }
}
