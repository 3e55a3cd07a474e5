package dev.baton.samples.queue;

/**
 * A message published to the {@link Broker}.
 *
 * @param id the broker's id for it, unique per broker; redeliveries carry the same id, which is
 *     what makes an idempotent consumer possible
 * @param body what the publisher sent
 */
public record Message(String id, String body) {}
