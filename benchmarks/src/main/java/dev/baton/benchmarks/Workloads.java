package dev.baton.benchmarks;

import dev.baton.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The correct programs every tool runs in the throughput table: the same static methods run under
 * Baton, under Lincheck and plainly. Each starts its own threads and checks its result.
 */
public final class Workloads {
  private Workloads() {}

  /** A workload by name, in the order of the table. */
  public enum Workload {
    TWO_THREADS("2 threads x 20 atomic increments", Workloads::twoThreadsTwentyIncrements),
    FOUR_THREADS("4 threads x 5 atomic increments", Workloads::fourThreadsFiveIncrements),
    JUC_MIX("3 threads: ReentrantLock, ConcurrentHashMap, CountDownLatch",
        Workloads::concurrentMix),
    EXECUTOR("executor: 2 workers, 4 tasks, Future.get, shutdown", Workloads::executor),
    TWENTY_THREADS("20 threads x 2 atomic increments", Workloads::twentyThreads, 4),
    HUNDRED_THREADS("100 threads x 2 atomic increments", Workloads::hundredThreads, 20),
    TWENTY_SYNCHRONIZED("20 threads x a synchronized block", Workloads::twentySynchronized, 4),
    TWENTY_STATIC("20 threads x a synchronized block, static state", Workloads::twentyStatic, 4);

    public final String label;
    /** The workload as a static method reference: Baton reloads it, so it captures nothing. */
    public final Scenario scenario;
    /**
     * By how much to divide the runs of a measurement: a schedule of many threads takes far
     * longer, and the rate settles after fewer of them.
     */
    public final int runsDivisor;

    Workload(String label, Scenario scenario) {
      this(label, scenario, 1);
    }

    Workload(String label, Scenario scenario, int runsDivisor) {
      this.label = label;
      this.scenario = scenario;
      this.runsDivisor = runsDivisor;
    }

    /** The runs of a measurement of {@code runs} for this workload (at least 20). */
    public int runs(int runs) {
      return Math.max(20, runs / runsDivisor);
    }

    /** Runs the workload once, plainly. */
    public void run() throws Exception {
      Workloads.run(scenario);
    }
  }

  static void run(Scenario scenario) throws Exception {
    scenario.run();
  }

  public static void twoThreadsTwentyIncrements() throws InterruptedException {
    AtomicInteger counter = new AtomicInteger();
    runAll(2, () -> {
      for (int i = 0; i < 20; i++) counter.incrementAndGet();
    });
    check(counter.get() == 40, "lost increment");
  }

  public static void fourThreadsFiveIncrements() throws InterruptedException {
    AtomicInteger counter = new AtomicInteger();
    runAll(4, () -> {
      for (int i = 0; i < 5; i++) counter.incrementAndGet();
    });
    check(counter.get() == 20, "lost increment");
  }

  public static void twentyThreads() throws InterruptedException {
    manyThreads(20);
  }

  public static void hundredThreads() throws InterruptedException {
    manyThreads(100);
  }

  private static void manyThreads(int threads) throws InterruptedException {
    AtomicInteger counter = new AtomicInteger();
    runAll(threads, () -> {
      counter.incrementAndGet();
      counter.incrementAndGet();
    });
    check(counter.get() == 2 * threads, "lost increment");
  }

  /** Each thread writes two fields under one lock; a checker must never see them half-written. */
  public static void twentySynchronized() throws InterruptedException {
    Object lock = new Object();
    int[] pair = new int[2];
    runAll(20, () -> {
      synchronized (lock) {
        pair[0]++;
        pair[1]--;
      }
    });
    check(pair[0] == 20 && pair[1] == -20, "lost update");
  }

  /** State in static fields, as classic bug programs keep it. */
  static final class StaticPair {
    static final Object LOCK = new Object();
    static int first;
    static int second;
  }

  /**
   * {@link #twentySynchronized} with its state in static fields: under Baton every schedule starts
   * from fresh static state (reset in place), and a plain run starts by clearing it.
   */
  public static void twentyStatic() throws InterruptedException {
    StaticPair.first = 0;
    StaticPair.second = 0;
    runAll(20, () -> {
      synchronized (StaticPair.LOCK) {
        StaticPair.first++;
        StaticPair.second--;
      }
    });
    check(StaticPair.first == 20 && StaticPair.second == -20, "lost update");
  }

  public static void concurrentMix() throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    Map<String, Integer> totals = new ConcurrentHashMap<>();
    CountDownLatch done = new CountDownLatch(3);
    int[] guarded = new int[1];
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      String key = "k" + (t % 2);
      Thread thread = new Thread(() -> {
        lock.lock();
        try {
          guarded[0]++;
        } finally {
          lock.unlock();
        }
        totals.merge(key, 1, Integer::sum);
        done.countDown();
      });
      threads.add(thread);
      thread.start();
    }
    done.await();
    lock.lock();
    try {
      check(guarded[0] == 3, "lost guarded update");
    } finally {
      lock.unlock();
    }
    check(totals.get("k0") + totals.get("k1") == 3, "lost merge");
    for (Thread t : threads) t.join();
  }

  public static void executor() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicInteger counter = new AtomicInteger();
    List<Future<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < 4; i++) futures.add(pool.submit(counter::incrementAndGet));
    int sum = 0;
    for (Future<Integer> f : futures) sum += f.get();
    pool.shutdown();
    check(pool.awaitTermination(10, TimeUnit.SECONDS), "pool did not terminate");
    check(sum == 1 + 2 + 3 + 4, "tasks lost an increment");
  }

  static void runAll(int count, Runnable task) throws InterruptedException {
    Thread[] threads = new Thread[count];
    for (int i = 0; i < count; i++) {
      threads[i] = new Thread(task);
      threads[i].start();
    }
    for (Thread t : threads) t.join();
  }

  static void check(boolean condition, String message) {
    if (!condition) throw new AssertionError(message);
  }
}
