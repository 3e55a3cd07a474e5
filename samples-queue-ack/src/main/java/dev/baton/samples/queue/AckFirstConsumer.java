package dev.baton.samples.queue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The consumer of incident 003 ({@code shared/seeds/003_68ba3e6b49176c3d.txt}), as it was before
 * the fix: it acknowledges each message to the broker, then hands the work to a {@link WorkerPool}
 * over an unbuffered hand-off, with a deadline.
 *
 * <p>The bug is the order. The acknowledgement tells the broker "done, don't redeliver" before
 * anything was done. If every worker is busy at that moment and the deadline fires before one
 * becomes free, the hand-off is abandoned: the message is acknowledged and its work discarded,
 * with no error, because a deadline firing looks like a perfectly normal path. Trying to give the
 * message back then is too late; the broker has forgotten it. In production it happened perhaps
 * once in a few thousand jobs, and never under strace, whose extra latency per system call meant
 * the pool was never full at exactly the wrong instant. {@link WorkThenAckConsumer} is the fix.
 */
public final class AckFirstConsumer implements QueueConsumer {
  private final Connection connection;
  private final WorkerPool pool;
  private final Consumer<Message> work;
  private final Duration handOffDeadline;
  private final AtomicInteger abandonedHandoffs = new AtomicInteger();

  /**
   * A consumer that receives from {@code connection} and has {@code pool} run {@code work} for each
   * message, waiting at most {@code handOffDeadline} for a free worker.
   */
  public AckFirstConsumer(
      Connection connection, WorkerPool pool, Consumer<Message> work, Duration handOffDeadline) {
    this.connection = connection;
    this.pool = pool;
    this.work = work;
    this.handOffDeadline = handOffDeadline;
  }

  @Override
  public void consumeAvailable() throws InterruptedException {
    Delivery delivery;
    while ((delivery = connection.poll()) != null) {
      Message message = delivery.message();
      connection.ack(message.id()); // the bug: acknowledged before the work was even handed off
      if (!pool.handOff(() -> work.accept(message), handOffDeadline)) {
        // Every worker stayed busy until the deadline. The broker refuses the message back: it
        // was acknowledged. The work is lost, and only this counter knows.
        if (!connection.requeue(message.id())) abandonedHandoffs.incrementAndGet();
      }
    }
  }

  @Override
  public int abandonedHandoffs() {
    return abandonedHandoffs.get();
  }
}
