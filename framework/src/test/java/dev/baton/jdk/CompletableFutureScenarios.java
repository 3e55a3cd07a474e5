package dev.baton.jdk;

import static dev.baton.jdk.Checks.check;
import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@code CompletableFuture} on an executor of its own and on the default async pool. */
final class CompletableFutureScenarios {
  private CompletableFutureScenarios() {}

  // ---- correct ------------------------------------------------------------------------------

  static void supplyAsyncOnAnExecutorThenCombine() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CompletableFuture<Integer> price = CompletableFuture.supplyAsync(() -> 40, pool);
    CompletableFuture<Integer> tax = CompletableFuture.supplyAsync(() -> 2, pool);
    CompletableFuture<Integer> total = price.thenCombine(tax, Integer::sum).thenApply(t -> t * 10);
    CompletableFuture.allOf(price, tax, total).get(10, SECONDS);
    check(total.getNow(-1) == 420, "total " + total.getNow(-1));
    pool.shutdown();
    check(pool.awaitTermination(10, SECONDS), "pool did not terminate");
  }

  /** Without an executor: the JDK's default async pool (the common pool, or a thread per task). */
  static void supplyAsyncOnTheDefaultPool() throws Exception {
    CompletableFuture<Integer> price = CompletableFuture.supplyAsync(() -> 40);
    CompletableFuture<Integer> tax = CompletableFuture.supplyAsync(() -> 2);
    int total = price.thenCombine(tax, Integer::sum).get(10, SECONDS);
    check(total == 42, "total " + total);
  }

  /** The common pool named explicitly: what the default is on machines with more than 2 cores. */
  static void supplyAsyncOnTheCommonPool() throws Exception {
    java.util.concurrent.ForkJoinPool common = java.util.concurrent.ForkJoinPool.commonPool();
    SharedCounter lookups = new SharedCounter();
    CompletableFuture<Integer> price = CompletableFuture.supplyAsync(() -> {
      lookups.incrementSafely();
      return 40;
    }, common);
    CompletableFuture<Integer> tax = CompletableFuture.supplyAsync(() -> {
      lookups.incrementSafely();
      return 2;
    }, common);
    int total = price.thenCombine(tax, Integer::sum).get(10, SECONDS);
    check(total == 42, "total " + total);
    check(lookups.get() == 2, "lookups " + lookups.get());
  }

  /** complete() is atomic: exactly one of two racing producers wins. */
  static void firstCompletionWinsThroughComplete() throws Exception {
    CompletableFuture<String> first = new CompletableFuture<>();
    SharedCounter winners = new SharedCounter();
    Runnable racer = () -> {
      if (first.complete(Thread.currentThread().getName())) winners.incrementSafely();
    };
    Thread a = new Thread(racer), b = new Thread(racer);
    a.start();
    b.start();
    a.join();
    b.join();
    check(winners.get() == 1, winners.get() + " winners");
  }

  // ---- buggy --------------------------------------------------------------------------------

  /** The result of an async task is read from a shared array without waiting for the task. */
  static void asyncResultReadWithoutJoining() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    int[] result = new int[1];
    CompletableFuture<Void> load = CompletableFuture.runAsync(() -> result[0] = 42, pool);
    int seen = result[0];
    load.join();
    pool.shutdown();
    check(seen == 42, "read " + seen + " before the async load finished");
  }

  /** isDone() then complete() is check-then-act: both racers can believe they won. */
  static void firstCompletionCheckedWithIsDone() throws Exception {
    CompletableFuture<String> first = new CompletableFuture<>();
    SharedCounter winners = new SharedCounter();
    Runnable racer = () -> {
      if (!first.isDone()) {
        first.complete(Thread.currentThread().getName());
        winners.incrementSafely();
      }
    };
    Thread a = new Thread(racer), b = new Thread(racer);
    a.start();
    b.start();
    a.join();
    b.join();
    check(winners.get() == 1, winners.get() + " winners");
  }

  /** The error path forgets to complete the future: its caller waits forever. */
  static void errorPathNeverCompletesTheFuture() throws Exception {
    CompletableFuture<Integer> reply = new CompletableFuture<>();
    Thread parser = new Thread(() -> {
      try {
        reply.complete(Integer.parseInt("forty-two"));
      } catch (NumberFormatException e) {
        // logged, and forgotten: reply.completeExceptionally(e) is missing
      }
    });
    parser.start();
    check(reply.get() == 42, "wrong reply");
    parser.join();
  }
}
