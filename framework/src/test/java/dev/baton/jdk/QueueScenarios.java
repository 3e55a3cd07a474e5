package dev.baton.jdk;

import static dev.baton.jdk.Checks.check;
import static dev.baton.jdk.Checks.millisSince;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TransferQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Hand-off queues: SynchronousQueue, LinkedTransferQueue and DelayQueue. */
final class QueueScenarios {
  private QueueScenarios() {}

  /** A message for a DelayQueue, due {@code delayMillis} after it was made (virtual time). */
  static final class Due implements Delayed {
    final String name;
    final long dueNanos;

    Due(String name, long delayMillis) {
      this.name = name;
      this.dueNanos = System.nanoTime() + MILLISECONDS.toNanos(delayMillis);
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(dueNanos, ((Due) other).dueNanos);
    }
  }

  /** A consumer that takes {@code count} messages and adds them up. */
  static Thread summingConsumer(BlockingQueue<Integer> queue, int count, AtomicInteger sum) {
    return new Thread(() -> {
      try {
        for (int i = 0; i < count; i++) sum.addAndGet(queue.take());
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    });
  }

  // ---- correct ------------------------------------------------------------------------------

  /** put() on a SynchronousQueue waits for a taker: nothing is ever dropped. */
  static void synchronousQueueHandsOffEveryMessage() throws Exception {
    SynchronousQueue<Integer> handOff = new SynchronousQueue<>();
    AtomicInteger sum = new AtomicInteger();
    Thread worker = summingConsumer(handOff, 3, sum);
    worker.start();
    for (int i = 1; i <= 3; i++) handOff.put(i);
    worker.join();
    check(sum.get() == 6, "processed sum " + sum.get());
  }

  /** transfer() returns only once a consumer has taken the element. */
  static void transferWaitsForTheConsumer() throws Exception {
    TransferQueue<Integer> orders = new LinkedTransferQueue<>();
    AtomicInteger sum = new AtomicInteger();
    Thread worker = summingConsumer(orders, 2, sum);
    worker.start();
    orders.transfer(1);
    check(orders.isEmpty(), "transfer() returned with the element still queued");
    check(orders.tryTransfer(2, 5, SECONDS), "tryTransfer(5 s) timed out with a consumer waiting");
    worker.join();
    check(sum.get() == 3, "processed sum " + sum.get());
  }

  /** take() on a DelayQueue hands out messages when they are due, earliest first. */
  static void delayQueueReleasesMessagesWhenDue() throws Exception {
    DelayQueue<Due> reminders = new DelayQueue<>();
    long start = System.nanoTime();
    // "soon" goes in first: the other way round, a pause of the producer between its two puts
    // (which Baton explores) lets "late" fall due before "soon" is even queued.
    Thread producer = new Thread(() -> {
      reminders.put(new Due("soon", 100));
      reminders.put(new Due("late", 300));
    });
    producer.start();
    List<String> order = new ArrayList<>();
    order.add(reminders.take().name);
    long first = millisSince(start);
    order.add(reminders.take().name);
    long second = millisSince(start);
    producer.join();
    check(order.equals(List.of("soon", "late")), "order " + order);
    check(first >= 100 && second >= 300, "taken at " + first + " and " + second + " ms");
  }

  // ---- buggy --------------------------------------------------------------------------------

  /**
   * The consumer acknowledges a message, then offer()s it to a worker over an unbuffered queue:
   * offer() drops it when the worker is not waiting right then (seed 003's lost message).
   */
  static void ackThenOfferDropsMessages() throws Exception {
    SynchronousQueue<Integer> handOff = new SynchronousQueue<>();
    AtomicInteger processed = new AtomicInteger();
    Thread worker = new Thread(() -> {
      try {
        for (int m = handOff.take(); m > 0; m = handOff.take()) processed.incrementAndGet();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    });
    worker.start();
    int acked = 0;
    for (int m = 1; m <= 2; m++) {
      acked++;
      handOff.offer(m); // the result is ignored: the message is acknowledged but may be dropped
    }
    handOff.put(-1);
    worker.join();
    check(processed.get() == acked, "acknowledged " + acked + " messages, processed " + processed.get());
  }

  /** tryTransfer() without a waiting consumer does not enqueue: ignoring its result loses the order. */
  static void tryTransferIgnoredLosesTheOrder() throws Exception {
    TransferQueue<Integer> orders = new LinkedTransferQueue<>();
    AtomicInteger sum = new AtomicInteger();
    Thread worker = summingConsumer(orders, 1, sum);
    worker.start();
    orders.tryTransfer(1);
    worker.join();
  }

  /**
   * Two senders check isEmpty() and then poll with a timeout, sure to get the message they saw:
   * when the other one took it, poll times out and returns null.
   */
  static void delayQueueCheckThenPoll() throws Exception {
    DelayQueue<Due> reminders = new DelayQueue<>();
    reminders.put(new Due("only", 10));
    AtomicInteger sent = new AtomicInteger();
    Runnable drain = () -> {
      try {
        if (!reminders.isEmpty()) {
          Due due = reminders.poll(1, SECONDS);
          if (due.name.equals("only")) sent.incrementAndGet();
        }
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    };
    Thread a = new Thread(drain, "sender-a"), b = new Thread(drain, "sender-b");
    a.start();
    b.start();
    a.join();
    b.join();
    check(sent.get() == 1, "sent " + sent.get());
  }

  /**
   * A consumer waits in take() on a queue nobody fills, while main gives it time and then joins
   * it: the report must name what the consumer waits for.
   */
  static void consumerWaitsOnAnEmptyQueue() throws Exception {
    BlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
    Thread consumer = new Thread(() -> {
      try {
        queue.take();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }, "consumer");
    consumer.start();
    Thread.sleep(10);
    consumer.join();
  }
}
