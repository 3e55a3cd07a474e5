package dev.baton.samples.queue;

import java.util.HashSet;
import java.util.Set;

/**
 * The ids of the messages whose work is done: what makes redelivery harmless. A broker delivers a
 * message again whenever it was not acknowledged, including when the consumer did the work and
 * crashed before the acknowledgement; the consumer then finds the id here and only acknowledges.
 *
 * <p>In production this is a table written in the same transaction as the work's own effects, so
 * that the work and its id are recorded together or not at all. Here the monitor plays that
 * transaction: {@link #doOnce} runs the work and records the id under one lock, so two deliveries of
 * the same message (one to a consumer that lost its connection while working, one to its successor)
 * can never both do the work.
 */
public final class ProcessedIds {
  private final Set<String> done = new HashSet<>();

  /**
   * Runs {@code work} for the message {@code id} unless it was done before.
   *
   * @return true when the work ran now, false when it had been done already
   */
  public synchronized boolean doOnce(String id, Runnable work) {
    if (done.contains(id)) return false;
    work.run();
    done.add(id);
    return true;
  }

  /** Whether the work of message {@code id} is done. */
  public synchronized boolean contains(String id) {
    return done.contains(id);
  }
}
