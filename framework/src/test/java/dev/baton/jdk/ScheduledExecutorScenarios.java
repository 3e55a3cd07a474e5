package dev.baton.jdk;

import static dev.baton.jdk.Checks.check;
import static dev.baton.jdk.Checks.millisSince;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code ScheduledThreadPoolExecutor}: delays and fixed rates measured on Baton's virtual clock. */
final class ScheduledExecutorScenarios {
  private ScheduledExecutorScenarios() {}

  // ---- correct ------------------------------------------------------------------------------

  /** A task scheduled 5 s ahead runs 5 s later (virtual time: the test does not wait for it). */
  static void scheduleRunsTheTaskAfterItsDelay() throws Exception {
    ScheduledExecutorService pool = Executors.newScheduledThreadPool(1);
    long start = System.nanoTime();
    ScheduledFuture<Long> ranAt = pool.schedule(System::nanoTime, 5, SECONDS);
    long delay = (ranAt.get() - start) / 1_000_000;
    check(delay >= 5_000 && delay < 5_100, "the task ran " + delay + " ms after it was scheduled");
    pool.shutdown();
    check(pool.awaitTermination(10, SECONDS), "pool did not terminate");
  }

  /** A fixed-rate task ticks every 100 ms until it is cancelled, then never again. */
  static void fixedRateTicksUntilCancelled() throws Exception {
    ScheduledExecutorService pool = Executors.newScheduledThreadPool(1);
    AtomicInteger ticks = new AtomicInteger();
    long start = System.nanoTime();
    ScheduledFuture<?> ticker = pool.scheduleAtFixedRate(() -> ticks.incrementAndGet(), 0, 100, MILLISECONDS);
    Thread.sleep(1_050);
    long beforeCancel = millisSince(start);
    ticker.cancel(false);
    long afterCancel = millisSince(start);
    pool.shutdown();
    check(pool.awaitTermination(10, SECONDS), "pool did not terminate");
    check(ticker.isCancelled(), "the ticker is not cancelled");
    // Ticks at 0, 100, 200 ... ms of virtual time, until the cancel: at least 1050 ms. The
    // scheduler may pause main after its sleep, so the cancel can come later and find one more
    // tick; a tick that was due but had not started yet never runs.
    int n = ticks.get();
    check(n >= beforeCancel / 100 && n <= afterCancel / 100 + 1 && n >= 10,
        n + " ticks with the cancel between " + beforeCancel + " and " + afterCancel + " ms");
  }

  // ---- buggy --------------------------------------------------------------------------------

  /**
   * cancel() stops future runs but does not wait for a run in progress: a report taken right after
   * cancel() can miss the last tick.
   */
  static void cancelDoesNotWaitForTheTickInProgress() throws Exception {
    ScheduledExecutorService pool = Executors.newScheduledThreadPool(1);
    SharedCounter ticks = new SharedCounter();
    ScheduledFuture<?> ticker =
        pool.scheduleAtFixedRate(ticks::incrementSafely, 0, 10, MILLISECONDS);
    Thread.sleep(20);
    ticker.cancel(false);
    int reported = ticks.get();
    pool.shutdown();
    pool.awaitTermination(10, SECONDS);
    check(ticks.get() == reported, "reported " + reported + " ticks at cancel(), but "
        + ticks.get() + " ran");
  }
}
