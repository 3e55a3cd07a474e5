package dev.baton.jdk;

import static dev.baton.jdk.Checks.check;

import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code FutureTask}: run once, results published to {@code get()}, cancellation. */
final class FutureTaskScenarios {
  private FutureTaskScenarios() {}

  // ---- correct ------------------------------------------------------------------------------

  /** Two threads run the same task: the callable runs once and both see its result. */
  static void taskRunByTwoThreadsRunsOnce() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    FutureTask<Integer> task = new FutureTask<>(() -> calls.incrementAndGet());
    Thread a = new Thread(task), b = new Thread(task);
    a.start();
    b.start();
    int result = task.get();
    a.join();
    b.join();
    check(result == 1 && calls.get() == 1, "result " + result + ", calls " + calls.get());
  }

  /** cancel() returns true only if the task can no longer complete normally. */
  static void cancelAndGetAgree() throws Exception {
    FutureTask<String> task = new FutureTask<>(() -> "done");
    Thread runner = new Thread(task);
    runner.start();
    boolean cancelled = task.cancel(false);
    runner.join();
    check(task.isDone(), "not done after the runner ended");
    check(cancelled == task.isCancelled(), "cancel() said " + cancelled + ", isCancelled() "
        + task.isCancelled());
    if (!cancelled) check(task.get().equals("done"), "wrong result");
  }

  // ---- buggy --------------------------------------------------------------------------------

  /**
   * cancel(true) returns true while the task is running: "cancelled" does not mean "had no effect".
   */
  static void cancelledTaskHadAlreadyChargedTheCard() throws Exception {
    SharedCounter charges = new SharedCounter();
    FutureTask<Void> payment = new FutureTask<>(() -> {
      charges.incrementSafely();
      return null;
    });
    Thread runner = new Thread(payment);
    runner.start();
    if (payment.cancel(true)) {
      check(charges.get() == 0, "the payment was cancelled, but the card was charged");
    }
    runner.join();
  }
}
