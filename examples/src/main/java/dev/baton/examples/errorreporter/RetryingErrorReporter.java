package dev.baton.examples.errorreporter;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * {@link RequeueingErrorReporter} fixed: a throttled report stays with the sender, which backs off
 * and sends it again, so the sender never waits for space in its own queue. The only place it
 * blocks is {@code take}, when there is nothing to send, so {@link #shutdown()} always gets its
 * end marker in and the sender always reaches it.
 *
 * <p>A service that throttled for ever would still hold up the exit; in incident 004 the team
 * stopped sending at exit altogether. This class keeps sending at exit and fixes only the hang.
 */
public final class RetryingErrorReporter {
  private static final String END_OF_REPORTS = new String("end of reports"); // compared by identity
  private static final long BACK_OFF_MILLIS = 1_250;

  private final ErrorService service;
  private final BlockingQueue<String> queue;
  private final Thread sender = new Thread(this::sendUntilShutdown, "error-reporter");

  /** A reporter for {@code service} that holds at most {@code maxQueued} unsent reports. */
  public RetryingErrorReporter(ErrorService service, int maxQueued) {
    this.service = service;
    this.queue = new ArrayBlockingQueue<>(maxQueued);
  }

  /**
   * Starts the sender. It is not a daemon thread: the JVM does not exit before the sender has
   * sent everything queued and ended (the "send data at exit" of error-reporting libraries).
   */
  public void start() {
    sender.setDaemon(false);
    sender.start();
  }

  /**
   * Queues a report; called by workers whose job failed. Never blocks a worker: when the queue is
   * full the report is dropped.
   *
   * @return false when the report was dropped
   */
  public boolean report(String error) {
    return queue.offer(error);
  }

  /**
   * Asks the sender to send every report queued so far and then end; call it once, at exit. It
   * returns as soon as the request is queued, so the program's main method can return; the JVM
   * exits when the sender has ended.
   */
  public void shutdown() throws InterruptedException {
    queue.put(END_OF_REPORTS);
  }

  /** Waits until the sender has ended, after {@link #shutdown()}. */
  public void awaitTermination() throws InterruptedException {
    sender.join();
  }

  private void sendUntilShutdown() {
    try {
      while (true) {
        String report = queue.take();
        if (report == END_OF_REPORTS) return;
        while (!service.send(report)) {
          Thread.sleep(BACK_OFF_MILLIS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
