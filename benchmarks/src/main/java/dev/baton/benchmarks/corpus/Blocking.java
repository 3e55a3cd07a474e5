package dev.baton.benchmarks.corpus;

import static dev.baton.benchmarks.corpus.Threads.await;
import static dev.baton.benchmarks.corpus.Threads.check;
import static dev.baton.benchmarks.corpus.Threads.joinAll;
import static dev.baton.benchmarks.corpus.Threads.start;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Deadlocks, lost signals and misused synchronizers: each program has a buggy form (a hang or a
 * wrong result in some schedules) and a {@code fixed} form that must pass every schedule.
 */
final class Blocking {
  private Blocking() {}

  /** Two {@code synchronized} transfers in opposite directions: the lock-order deadlock. */
  static void lockOrderMonitors(boolean fixed) throws InterruptedException {
    Object a = new Object();
    Object b = new Object();
    int[] moved = new int[1];
    Thread one = start(() -> nested(a, b, moved));
    Thread two = start(() -> nested(fixed ? a : b, fixed ? b : a, moved));
    one.join();
    two.join();
    check(moved[0] == 2, "moved " + moved[0]);
  }

  private static void nested(Object first, Object second, int[] moved) {
    synchronized (first) {
      synchronized (second) {
        moved[0]++;
      }
    }
  }

  /**
   * Three dining philosophers with {@link ReentrantLock} forks, each taking the left fork first.
   * Fixed: the last one takes the lower-numbered fork first.
   */
  static void diningPhilosophers(boolean fixed) throws InterruptedException {
    int n = 3;
    ReentrantLock[] forks = new ReentrantLock[n];
    for (int i = 0; i < n; i++) forks[i] = new ReentrantLock();
    AtomicInteger meals = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int left = i;
      int right = (i + 1) % n;
      int first = fixed ? Math.min(left, right) : left;
      int second = fixed ? Math.max(left, right) : right;
      threads.add(start(() -> {
        forks[first].lock();
        try {
          forks[second].lock();
          try {
            meals.incrementAndGet();
          } finally {
            forks[second].unlock();
          }
        } finally {
          forks[first].unlock();
        }
      }));
    }
    joinAll(threads);
    check(meals.get() == n, "meals: " + meals.get());
  }

  static final class Signal {
    boolean ready;
  }

  /**
   * Nested monitor lockout: the waiter holds an outer monitor while it waits on an inner one; the
   * notifier needs the outer monitor first. Fixed: the notifier takes the inner monitor only.
   */
  static void nestedMonitor(boolean fixed) throws InterruptedException {
    Object outer = new Object();
    Signal inner = new Signal();
    Thread waiter = start(() -> {
      synchronized (outer) {
        synchronized (inner) {
          while (!inner.ready) await(inner);
        }
      }
    });
    Thread notifier = start(() -> {
      if (fixed) {
        signal(inner);
      } else {
        synchronized (outer) {
          signal(inner);
        }
      }
    });
    waiter.join();
    notifier.join();
  }

  private static void signal(Signal s) {
    synchronized (s) {
      s.ready = true;
      s.notifyAll();
    }
  }

  static final class Gate {
    final ReentrantLock lock = new ReentrantLock();
    final Condition opened = lock.newCondition();
    volatile boolean open;
  }

  /**
   * A lost signal with a {@link Condition}: the waiter tests the flag before taking the lock, so a
   * signal between the test and {@code await} is lost and the waiter hangs. Fixed: test under
   * the lock, in a loop.
   */
  static void lostSignal(boolean fixed) throws InterruptedException {
    Gate gate = new Gate();
    Thread waiter = start(() -> {
      if (fixed) {
        gate.lock.lock();
        try {
          while (!gate.open) gate.opened.awaitUninterruptibly();
        } finally {
          gate.lock.unlock();
        }
      } else if (!gate.open) {
        gate.lock.lock();
        try {
          gate.opened.awaitUninterruptibly();
        } finally {
          gate.lock.unlock();
        }
      }
    });
    gate.lock.lock();
    try {
      gate.open = true;
      gate.opened.signalAll();
    } finally {
      gate.lock.unlock();
    }
    waiter.join();
  }

  /**
   * A deadline that the pause rule may fire: the main thread sleeps 200 ms, then sets the flag
   * but forgets to notify. The hang needs the worker to reach its {@code wait} before the sleep
   * ends (about twenty steps of preparation first); a search that fires the deadline at any step
   * with the same odds as any thread almost never lets it. Fixed: {@code notifyAll}.
   */
  static void deadlineWait(boolean fixed) throws InterruptedException {
    Signal done = new Signal();
    AtomicInteger prepared = new AtomicInteger();
    Thread worker = start(() -> {
      for (int i = 0; i < 20; i++) prepared.incrementAndGet();
      synchronized (done) {
        while (!done.ready) await(done);
      }
    });
    Thread.sleep(200);
    synchronized (done) {
      done.ready = true;
      if (fixed) done.notifyAll();
    }
    worker.join();
  }

  static final class Ring {
    volatile int holder;
    int rounds;
  }

  /**
   * A token ring of three threads, two rounds each: a thread spins until it holds the token,
   * passes it on, then counts its round, no longer holding it: counts are lost. Fixed: count
   * before passing the token.
   */
  static void tokenRing(boolean fixed) throws InterruptedException {
    int n = 3;
    Ring ring = new Ring();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int me = i;
      threads.add(start(() -> {
        for (int round = 0; round < 2; round++) {
          while (ring.holder != me) Thread.yield();
          if (fixed) ring.rounds++;
          ring.holder = (me + 1) % n;
          if (!fixed) ring.rounds++;
        }
      }));
    }
    joinAll(threads);
    check(ring.rounds == 2 * n, "rounds counted: " + ring.rounds + " of " + 2 * n);
  }

  /**
   * A latch counted down before the result it announces is written: the waiting thread reads a
   * stale result. Fixed: write, then count down.
   */
  static void latchBeforePublish(boolean fixed) throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(1);
    int[] result = new int[1];
    Thread worker = start(() -> {
      if (fixed) result[0] = 42;
      ready.countDown();
      if (!fixed) result[0] = 42;
    });
    ready.await();
    int seen = result[0];
    worker.join();
    check(seen == 42, "read " + seen + " after the latch opened");
  }

  /**
   * Two workers exchange partial results through a {@link CyclicBarrier}, but each reads the
   * other's part before the barrier instead of after it. Fixed: read after {@code await}.
   */
  static void barrierMisuse(boolean fixed) throws InterruptedException {
    CyclicBarrier barrier = new CyclicBarrier(2);
    int[] parts = new int[2];
    int[] sums = new int[2];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      int me = i;
      threads.add(start(() -> {
        parts[me] = me + 1;
        int early = parts[1 - me];
        try {
          barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
          throw new IllegalStateException(e);
        }
        sums[me] = parts[me] + (fixed ? parts[1 - me] : early);
      }));
    }
    joinAll(threads);
    check(sums[0] == 3 && sums[1] == 3, "sums " + sums[0] + ", " + sums[1] + " instead of 3");
  }

  /**
   * An executor shut down and its work assumed done: {@code shutdown()} does not wait for the
   * tasks. Fixed: {@code awaitTermination}.
   */
  static void executorShutdown(boolean fixed) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicInteger done = new AtomicInteger();
    for (int i = 0; i < 4; i++) pool.execute(done::incrementAndGet);
    pool.shutdown();
    if (fixed) check(pool.awaitTermination(10, TimeUnit.SECONDS), "the pool did not terminate");
    check(done.get() == 4, done.get() + " of 4 tasks done after shutdown");
  }
}
