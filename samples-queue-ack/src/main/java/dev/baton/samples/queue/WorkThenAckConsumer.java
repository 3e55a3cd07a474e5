package dev.baton.samples.queue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The fix of incident 003: do the work first, acknowledge second, and make redelivery idempotent.
 *
 * <p>The consumer hands each message to the {@link WorkerPool} unacknowledged; the worker does the
 * work and only then acknowledges. When the pool stays full until the deadline, the message is
 * still the broker's, so it is given back and delivered again: delayed, never lost. A crash between
 * the work and the acknowledgement makes the broker deliver the message again too, after it was
 * done; {@link ProcessedIds} recognises its id, and the redelivery is only acknowledged, not done
 * twice.
 */
public final class WorkThenAckConsumer implements QueueConsumer {
  private final Connection connection;
  private final WorkerPool pool;
  private final ProcessedIds processed;
  private final Consumer<Message> work;
  private final Duration handOffDeadline;
  private final AtomicInteger abandonedHandoffs = new AtomicInteger();
  private final AtomicInteger givenBack = new AtomicInteger();
  private final AtomicInteger duplicatesSkipped = new AtomicInteger();

  /**
   * A consumer that receives from {@code connection} and has {@code pool} run {@code work} once per
   * message id, as recorded in {@code processed} (shared by every consumer of the queue), waiting
   * at most {@code handOffDeadline} for a free worker.
   */
  public WorkThenAckConsumer(
      Connection connection,
      WorkerPool pool,
      ProcessedIds processed,
      Consumer<Message> work,
      Duration handOffDeadline) {
    this.connection = connection;
    this.pool = pool;
    this.processed = processed;
    this.work = work;
    this.handOffDeadline = handOffDeadline;
  }

  @Override
  public void consumeAvailable() throws InterruptedException {
    Delivery delivery;
    while ((delivery = connection.poll()) != null) {
      Delivery handed = delivery;
      if (!pool.handOff(() -> process(handed), handOffDeadline)) {
        // Every worker stayed busy until the deadline. Not acknowledged, so the broker takes it
        // back and delivers it again (the next poll may well return it). It would refuse only a
        // message this consumer had acknowledged, and here the acknowledgement follows the work.
        if (connection.requeue(handed.id())) {
          givenBack.incrementAndGet();
        } else {
          abandonedHandoffs.incrementAndGet();
        }
      }
    }
  }

  /** On a worker: the work, unless a previous delivery did it, then the acknowledgement. */
  private void process(Delivery delivery) {
    Message message = delivery.message();
    if (!processed.doOnce(message.id(), () -> work.accept(message))) {
      duplicatesSkipped.incrementAndGet();
    }
    // False when the connection was lost meanwhile: the broker delivers the message again, and
    // the processed ids make that redelivery a mere acknowledgement.
    connection.ack(message.id());
  }

  @Override
  public int abandonedHandoffs() {
    return abandonedHandoffs.get();
  }

  /** How many hand-offs missed their deadline and were given back to the broker to redeliver. */
  public int givenBack() {
    return givenBack.get();
  }

  /** How many redeliveries found their work already done, and were only acknowledged. */
  public int duplicatesSkipped() {
    return duplicatesSkipped.get();
  }
}
