package dev.baton.samples.queue;

/**
 * One delivery of a {@link Message} to a consumer. A message that is not acknowledged is delivered
 * again, with the same id and a higher count.
 *
 * @param message the message
 * @param deliveryCount 1 for the first delivery, 2 for the first redelivery, and so on
 */
public record Delivery(Message message, int deliveryCount) {

  /** The message's id: what the consumer acknowledges. */
  public String id() {
    return message.id();
  }

  /** Whether the broker delivered this message before (to this or another consumer). */
  public boolean redelivered() {
    return deliveryCount > 1;
  }
}
