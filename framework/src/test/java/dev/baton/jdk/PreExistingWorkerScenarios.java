package dev.baton.jdk;

import static dev.baton.jdk.Checks.check;
import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

/**
 * Threads the schedule did not start, parked in {@code java.util.concurrent} when a managed thread
 * wakes them: the worker of {@code CompletableFuture}'s delayer, which the JDK keeps for the JVM's
 * life once anything (a test outside Baton, an earlier exploration) used it.
 */
final class PreExistingWorkerScenarios {
  private PreExistingWorkerScenarios() {}

  /** Starts the JDK's delayer thread outside any schedule, as an earlier test would. */
  static void startTheJdksDelayerOutsideBaton() {
    CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(1, MILLISECONDS)).join();
  }

  static int slowAnswer() {
    try {
      Thread.sleep(5_000);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    return 42;
  }

  /** A 50 ms {@code orTimeout} on a 5 s task fires in every schedule: the delayer's timer. */
  static void orTimeoutFiresBeforeASlowTask() {
    try {
      CompletableFuture.supplyAsync(PreExistingWorkerScenarios::slowAnswer)
          .orTimeout(50, MILLISECONDS).join();
      throw new AssertionError("a 5 s task finished before its 50 ms timeout");
    } catch (CompletionException e) {
      check(e.getCause() instanceof TimeoutException, "failed with " + e.getCause());
    }
  }

  /** A task the delayer's own thread runs, racing main on a plain counter: a lost update. */
  static void delayedTaskOnTheDelayerThreadRacesMain() {
    int[] hits = {0};
    Executor onTheDelayer = Runnable::run;
    CompletableFuture<Void> later = CompletableFuture.runAsync(
        () -> hits[0]++, CompletableFuture.delayedExecutor(1, MILLISECONDS, onTheDelayer));
    hits[0]++;
    later.join();
    check(hits[0] == 2, "lost update: hits = " + hits[0]);
  }
}
