package dev.baton.examples.errorreporter;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Sends error reports from one background thread, so that a failing job never waits for the
 * network, and sends everything still queued before the program exits. This is the shape of the
 * error reporter in incident 004 ({@code shared/seeds/004_6d58db90d010d501.txt}): after a deploy,
 * worker processes would not die, because the reporter refused to let them exit until its
 * throttled queue had drained.
 *
 * <p>The bug: when the service throttles a report, the sender puts it back at the end of its own
 * bounded queue, to try again after the others. If the workers' reports and the end marker of
 * {@link #shutdown()} filled the queue while that report was in flight, the sender blocks in
 * {@code put} waiting for space that only the sender itself can make. It never ends, and since it
 * is not a daemon thread, neither does the JVM. The window is a few instructions wide, between
 * the sender's {@code take} and its {@code put}: about one plain run in a hundred of the test's
 * scenario hangs; a failing job that floods the reporter in production makes it likely.
 * {@link RetryingErrorReporter} is the fix.
 */
public final class RequeueingErrorReporter {
  /** Put by {@link #shutdown()}: everything queued before it is sent, then the sender ends. */
  private static final String END_OF_REPORTS = new String("end of reports"); // compared by identity

  private final ErrorService service;
  private final BlockingQueue<String> queue;
  private final Thread sender = new Thread(this::sendUntilShutdown, "error-reporter");

  /** A reporter for {@code service} that holds at most {@code maxQueued} unsent reports. */
  public RequeueingErrorReporter(ErrorService service, int maxQueued) {
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
        if (!service.send(report)) {
          queue.put(report); // the bug: the only thread that empties the queue waits for space in it
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
