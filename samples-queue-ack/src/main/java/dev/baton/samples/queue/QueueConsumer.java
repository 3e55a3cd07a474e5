package dev.baton.samples.queue;

/**
 * Receives messages from a {@link Connection} and has a {@link WorkerPool} do the work each one
 * stands for.
 */
public interface QueueConsumer {

  /**
   * Receives messages until none is ready, handing each to the pool. Returns once the last one is
   * handed off; the workers may still be working on it.
   */
  void consumeAvailable() throws InterruptedException;

  /**
   * How many hand-offs were abandoned: the pool did not take a message before the deadline, and
   * the broker will never deliver it again. Each one is work that silently never happened. This is
   * the counter that confirmed incident 003: it ticked before the fix and stayed at zero after.
   */
  int abandonedHandoffs();
}
