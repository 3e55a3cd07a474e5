package dev.baton.samples.queue;

/**
 * A consumer's connection to the {@link Broker}: it receives messages, and acknowledges or gives
 * back each one it received. Closing it, or the consumer crashing, gives back everything it has
 * not acknowledged. Thread-safe, so that workers may acknowledge what the consumer received.
 */
public final class Connection {
  private final Broker broker;
  private final String consumer;

  /** Written under the broker's lock. */
  boolean closed;

  Connection(Broker broker, String consumer) {
    this.broker = broker;
    this.consumer = consumer;
  }

  /** The next ready message, now held by this connection; null when none is ready or closed. */
  public Delivery poll() {
    return broker.deliver(this);
  }

  /**
   * Tells the broker the message is done with: it forgets it and never delivers it again. False
   * when this connection no longer holds it (it closed, and the message will be delivered again).
   */
  public boolean ack(String id) {
    return broker.ack(this, id);
  }

  /**
   * Gives the message back to be delivered again (AMQP's nack with requeue). False when it cannot
   * be: this connection acknowledged it, so the broker has forgotten it. True when the broker will
   * deliver it again, or already did because this connection closed meanwhile.
   */
  public boolean requeue(String id) {
    return broker.requeue(this, id);
  }

  /**
   * Closes the connection; everything it holds unacknowledged is delivered again. This is also what
   * the broker sees when the consumer crashes.
   */
  public void close() {
    broker.disconnect(this);
  }

  @Override
  public String toString() {
    return "connection of " + consumer;
  }
}
