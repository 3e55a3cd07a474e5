package dev.baton.samples.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The scenarios of incident 003 that the tests explore with Baton. Each builds its own broker,
 * pool and consumer (every schedule needs fresh state, and {@code Interleavings} re-loads them in
 * Baton's class loader), runs them on real threads and checks the outcome, throwing to fail.
 */
final class QueueScenarios {
  /**
   * How long a consumer waits for a free worker. Shorter than Baton's default pause budget
   * ({@code maxPauseMillis}, 1000 ms), so Baton may pause a busy worker until it fires, as a GC
   * pause or an overloaded machine would.
   */
  static final Duration HAND_OFF_DEADLINE = Duration.ofMillis(100);

  private QueueScenarios() {}

  /**
   * The incident in small: two messages, one worker, the ack-first consumer. Fails when a message
   * was acknowledged and its work never done.
   */
  static void ackFirstConsumerWithOneWorker() throws InterruptedException {
    Broker broker = new Broker();
    broker.publish("invoice order 1");
    broker.publish("invoice order 2");
    WorkLog work = new WorkLog();
    WorkerPool pool = new WorkerPool("worker", 1);
    pool.start();
    AckFirstConsumer consumer =
        new AckFirstConsumer(broker.connect("consumer"), pool, work::process, HAND_OFF_DEADLINE);
    runOnItsOwnThread(consumer, "consumer");
    pool.shutdown();
    for (String id : broker.acknowledged()) {
      if (work.timesDone(id) == 0) {
        throw new AssertionError("message " + id + " was acknowledged but never processed"
            + " (abandoned hand-offs: " + consumer.abandonedHandoffs() + ")");
      }
    }
  }

  /**
   * The same with the fix: every message done exactly once, nothing left unacknowledged, no
   * hand-off abandoned.
   *
   * @return how many hand-offs missed their deadline and were given back to the broker
   */
  static int workThenAckConsumerWithOneWorker() throws InterruptedException {
    Broker broker = new Broker();
    broker.publish("invoice order 1");
    broker.publish("invoice order 2");
    WorkLog work = new WorkLog();
    WorkerPool pool = new WorkerPool("worker", 1);
    pool.start();
    WorkThenAckConsumer consumer = new WorkThenAckConsumer(
        broker.connect("consumer"), pool, new ProcessedIds(), work::process, HAND_OFF_DEADLINE);
    runOnItsOwnThread(consumer, "consumer");
    pool.shutdown();
    assertEveryMessageDoneOnceAndAcknowledged(broker, work);
    assertThat(consumer.abandonedHandoffs()).as("abandoned hand-offs").isZero();
    return consumer.givenBack();
  }

  /**
   * A consumer crashes right after doing the work of message m1 and before acknowledging it: its
   * connection drops, and the broker delivers m1 again to the consumer that takes over. The
   * processed ids make that redelivery a mere acknowledgement.
   *
   * @return how many redeliveries the successor found already done
   */
  static int crashBetweenWorkAndAck() throws InterruptedException {
    Broker broker = new Broker();
    broker.publish("invoice order 1");
    broker.publish("invoice order 2");
    WorkLog work = new WorkLog();
    ProcessedIds processed = new ProcessedIds();

    Connection crashing = broker.connect("consumer-1");
    Consumer<Message> workThenCrash = message -> {
      work.process(message);
      if (message.id().equals("m1")) crashing.close(); // the crash: after the work, before the ack
    };
    WorkerPool pool1 = new WorkerPool("worker", 1);
    pool1.start();
    WorkThenAckConsumer first =
        new WorkThenAckConsumer(crashing, pool1, processed, workThenCrash, HAND_OFF_DEADLINE);
    runOnItsOwnThread(first, "consumer-1");
    pool1.shutdown();

    WorkerPool pool2 = new WorkerPool("successor-worker", 1);
    pool2.start();
    WorkThenAckConsumer successor = new WorkThenAckConsumer(
        broker.connect("consumer-2"), pool2, processed, work::process, HAND_OFF_DEADLINE);
    runOnItsOwnThread(successor, "consumer-2");
    pool2.shutdown();

    assertEveryMessageDoneOnceAndAcknowledged(broker, work);
    assertThat(successor.duplicatesSkipped())
        .as("redeliveries of work already done (m1 at least)").isPositive();
    assertThat(first.abandonedHandoffs() + successor.abandonedHandoffs())
        .as("abandoned hand-offs").isZero();
    return successor.duplicatesSkipped();
  }

  /**
   * A consumer's connection drops at any moment (the network, or a crash as the broker sees it)
   * while its worker may still be busy; a second consumer takes over at once, on its own worker,
   * so the same message can be in the hands of both workers at the same time.
   *
   * @return how many redeliveries the successor found already done
   */
  static int connectionLostAtAnyMoment() throws InterruptedException {
    Broker broker = new Broker();
    broker.publish("invoice order 1");
    broker.publish("invoice order 2");
    WorkLog work = new WorkLog();
    ProcessedIds processed = new ProcessedIds();

    Connection lost = broker.connect("consumer-1");
    WorkerPool pool1 = new WorkerPool("worker", 1);
    WorkerPool pool2 = new WorkerPool("successor-worker", 1);
    pool1.start();
    pool2.start();
    WorkThenAckConsumer first =
        new WorkThenAckConsumer(lost, pool1, processed, work::process, HAND_OFF_DEADLINE);
    WorkThenAckConsumer successor = new WorkThenAckConsumer(
        broker.connect("consumer-2"), pool2, processed, work::process, HAND_OFF_DEADLINE);

    Thread consumer1 = consumerThread(first, "consumer-1");
    Thread network = new Thread(lost::close, "network");
    Thread consumer2 = new Thread(() -> {
      try {
        // Takes over what consumer-1 leaves behind, until nothing is left unacknowledged.
        while (broker.unfinished() > 0) {
          successor.consumeAvailable();
          Thread.sleep(10);
        }
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }, "consumer-2");
    consumer1.start();
    network.start();
    consumer2.start();
    consumer1.join();
    network.join();
    consumer2.join();
    pool1.shutdown();
    pool2.shutdown();

    assertEveryMessageDoneOnceAndAcknowledged(broker, work);
    assertThat(first.abandonedHandoffs() + successor.abandonedHandoffs())
        .as("abandoned hand-offs").isZero();
    return successor.duplicatesSkipped();
  }

  static void assertEveryMessageDoneOnceAndAcknowledged(Broker broker, WorkLog work) {
    for (int i = 1; i <= broker.published(); i++) {
      assertThat(work.timesDone("m" + i)).as("times the work of m" + i + " was done").isOne();
    }
    assertThat(broker.unfinished()).as("messages never acknowledged").isZero();
  }

  /** Runs {@code consumer} until no message is ready, on a thread of its own named {@code name}. */
  static void runOnItsOwnThread(QueueConsumer consumer, String name) throws InterruptedException {
    Thread thread = consumerThread(consumer, name);
    thread.start();
    thread.join();
  }

  private static Thread consumerThread(QueueConsumer consumer, String name) {
    return new Thread(() -> {
      try {
        consumer.consumeAvailable();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }, name);
  }
}
