package dev.baton.jdk;

import static dev.baton.jdk.Checks.check;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread pools of {@code java.util.concurrent}, used right and used wrong: the factories of {@link
 * Executors}, a hand-built {@link ThreadPoolExecutor}, {@code invokeAll}/{@code invokeAny} and the
 * three ways to stop a pool.
 */
final class ExecutorScenarios {
  private ExecutorScenarios() {}

  // ---- correct ------------------------------------------------------------------------------

  static void fixedPoolWithSynchronizedCounter() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    SharedCounter counter = new SharedCounter();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < 3; i++) futures.add(pool.submit(counter::incrementSafely));
    for (Future<?> f : futures) f.get();
    pool.shutdown();
    check(pool.awaitTermination(10, SECONDS), "pool did not terminate");
    check(counter.get() == 3, "lost update: count = " + counter.get());
  }

  static void cachedPoolWithAtomicCounter() throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool();
    AtomicInteger counter = new AtomicInteger();
    Future<?> a = pool.submit(() -> counter.incrementAndGet());
    Future<?> b = pool.submit(() -> counter.incrementAndGet());
    a.get();
    b.get();
    pool.shutdown();
    check(pool.awaitTermination(10, SECONDS), "pool did not terminate");
    check(counter.get() == 2, "lost update: count = " + counter.get());
  }

  /** One worker runs the tasks one after the other: a plain counter is safe there. */
  static void singleThreadExecutorSerializesPlainIncrements() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    SharedCounter counter = new SharedCounter();
    for (int i = 0; i < 3; i++) pool.execute(counter::increment);
    pool.shutdown();
    check(pool.awaitTermination(10, SECONDS), "pool did not terminate");
    check(counter.count == 3, "lost update: count = " + counter.count);
  }

  /** A saturated pool with CallerRunsPolicy runs the overflow on the caller: nothing is lost. */
  static void saturatedPoolRunsOverflowOnTheCaller() throws Exception {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, MILLISECONDS,
        new ArrayBlockingQueue<>(1), new ThreadPoolExecutor.CallerRunsPolicy());
    AtomicInteger ran = new AtomicInteger();
    for (int i = 0; i < 3; i++) pool.execute(() -> ran.incrementAndGet());
    pool.shutdown();
    check(pool.awaitTermination(10, SECONDS), "pool did not terminate");
    check(ran.get() == 3, "tasks ran: " + ran.get());
  }

  static void invokeAllCollectsEveryResult() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Callable<Integer>> squares = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      int n = i;
      squares.add(() -> n * n);
    }
    int sum = 0;
    for (Future<Integer> f : pool.invokeAll(squares)) {
      check(f.isDone(), "invokeAll returned an unfinished future");
      sum += f.get();
    }
    pool.shutdown();
    check(pool.awaitTermination(10, SECONDS), "pool did not terminate");
    check(sum == 14, "sum of squares = " + sum);
  }

  static void invokeAnyReturnsTheResultOfATaskThatCompleted() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicInteger completed = new AtomicInteger();
    List<Callable<String>> replicas = List.of(
        () -> { completed.incrementAndGet(); return "replica-a"; },
        () -> { completed.incrementAndGet(); return "replica-b"; });
    String answer = pool.invokeAny(replicas);
    check(answer.equals("replica-a") || answer.equals("replica-b"), "answer " + answer);
    check(completed.get() >= 1, "invokeAny returned before any task completed");
    pool.shutdown();
    check(pool.awaitTermination(10, SECONDS), "pool did not terminate");
  }

  /** shutdown() lets queued tasks run; awaitTermination() waits for them. */
  static void shutdownThenAwaitTerminationSeesEveryTask() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    SharedCounter counter = new SharedCounter();
    for (int i = 0; i < 3; i++) pool.execute(counter::incrementSafely);
    pool.shutdown();
    check(pool.awaitTermination(10, SECONDS), "pool did not terminate");
    check(pool.isTerminated(), "awaitTermination returned true but the pool is not terminated");
    check(counter.get() == 3, "tasks seen after termination: " + counter.get());
  }

  /**
   * shutdownNow() interrupts the running task and hands back the queued ones: every task either
   * ran, was interrupted, or came back.
   */
  static void shutdownNowInterruptsTheRunningTaskAndReturnsTheQueued() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger interrupted = new AtomicInteger();
    AtomicInteger ran = new AtomicInteger();
    pool.execute(() -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        interrupted.incrementAndGet();
      }
    });
    pool.execute(() -> ran.incrementAndGet());
    List<Runnable> queued = pool.shutdownNow();
    check(pool.awaitTermination(10, SECONDS), "pool did not terminate");
    // Every task is accounted for once: the blocking one can only end by its interrupt.
    check(interrupted.get() == 1, "the blocking task was interrupted " + interrupted.get() + " times");
    check(interrupted.get() + ran.get() + queued.size() == 2,
        "interrupted " + interrupted.get() + ", ran " + ran.get() + ", handed back " + queued.size());
  }

  // ---- buggy --------------------------------------------------------------------------------

  /** Tasks in a cached pool share a plain counter. */
  static void lostUpdateInCachedPool() throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool();
    SharedCounter counter = new SharedCounter();
    Future<?> a = pool.submit(counter::increment);
    Future<?> b = pool.submit(counter::increment);
    a.get();
    b.get();
    pool.shutdown();
    check(counter.count == 2, "lost update: count = " + counter.count);
  }

  /**
   * A task submits a sub-task to its own single-thread pool and waits for it: the sub-task needs
   * the only worker, which is busy waiting. The classic thread-starvation deadlock.
   */
  static void taskWaitsForSubtaskInItsOwnFullPool() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<Integer> outer = pool.submit(() -> {
      Future<Integer> inner = pool.submit(() -> 42);
      return inner.get();
    });
    try {
      check(outer.get() == 42, "wrong answer");
    } finally {
      pool.shutdownNow();
    }
  }

  /** shutdown() does not wait: reading the tasks' results right after it races with them. */
  static void readsResultsAfterShutdownWithoutAwaitingTermination() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    SharedCounter counter = new SharedCounter();
    for (int i = 0; i < 2; i++) pool.execute(counter::incrementSafely);
    pool.shutdown();
    int seen = counter.get();
    pool.awaitTermination(10, SECONDS);
    check(seen == 2, "read " + seen + " of 2 results right after shutdown()");
  }

  /**
   * A pool of one worker with a queue of one is sized for "at most two tasks at a time"; a third
   * task is accepted only if the worker has already taken one from the queue.
   */
  static void boundedPoolRejectsWhenTheWorkerIsSlow() throws Exception {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(1, 1, 0, MILLISECONDS, new ArrayBlockingQueue<>(1));
    AtomicInteger ran = new AtomicInteger();
    try {
      for (int i = 0; i < 3; i++) pool.execute(() -> ran.incrementAndGet());
    } finally {
      pool.shutdown();
      pool.awaitTermination(10, SECONDS);
    }
  }

  /**
   * invokeAll's tasks store their results through a shared "next free slot" index instead of
   * returning them: two tasks can take the same slot.
   */
  static void invokeAllResultsCollectedThroughASharedIndex() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    int[] results = new int[2];
    int[] next = new int[1];
    List<Callable<Void>> squares = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      int n = i;
      squares.add(() -> {
        int slot = next[0];
        next[0] = slot + 1;
        results[slot] = n * n;
        return null;
      });
    }
    pool.invokeAll(squares);
    pool.shutdown();
    pool.awaitTermination(10, SECONDS);
    check(results[0] + results[1] == 5, "results " + results[0] + ", " + results[1]);
  }

  /** The winner of invokeAny is published through a shared field that the loser overwrites. */
  static void invokeAnyWinnerReadFromASharedField() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    String[] lastAnswer = new String[1];
    List<Callable<String>> replicas = List.of(
        () -> lastAnswer[0] = "replica-a",
        () -> lastAnswer[0] = "replica-b");
    String answer = pool.invokeAny(replicas);
    pool.shutdown();
    pool.awaitTermination(10, SECONDS);
    check(answer.equals(lastAnswer[0]), "invokeAny said " + answer + " but the field says " + lastAnswer[0]);
  }

  /** shutdownNow() hands back the tasks it did not run; ignoring them loses work. */
  static void shutdownNowDropsQueuedTasks() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    AtomicInteger sent = new AtomicInteger();
    for (int i = 0; i < 2; i++) pool.execute(() -> sent.incrementAndGet());
    pool.shutdownNow(); // meant shutdown(): the returned list of unrun tasks is ignored
    pool.awaitTermination(10, SECONDS);
    check(sent.get() == 2, "emails sent: " + sent.get() + " of 2");
  }

  /**
   * The task is a method reference to a JDK method, and its result is read without waiting for it.
   * The same program with the lambda {@code () -> sent.incrementAndGet()} is found at once.
   */
  static void resultOfAMethodReferenceTaskReadWithoutWaiting() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    AtomicInteger sent = new AtomicInteger();
    pool.execute(sent::incrementAndGet);
    int seen = sent.get(); // forgot to wait for the task
    pool.shutdown();
    pool.awaitTermination(10, SECONDS);
    check(seen == 1, "read " + seen + " sent emails before the task ran");
  }
}
