package dev.baton.scenarios;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Small concurrent programs, buggy and correct, as static methods so that tests can hand them to
 * {@code Interleavings.explore(Scenarios::name)}. Each buggy one has a correct counterpart.
 */
public final class Scenarios {
  private Scenarios() {}

  static void check(boolean condition, String message) {
    if (!condition) throw new AssertionError(message);
  }

  static void runAll(Runnable... tasks) throws InterruptedException {
    Thread[] threads = new Thread[tasks.length];
    for (int i = 0; i < tasks.length; i++) threads[i] = new Thread(tasks[i]);
    for (Thread t : threads) t.start();
    for (Thread t : threads) t.join();
  }

  // ---- lost update ------------------------------------------------------------------------

  public static void lostUpdate() throws InterruptedException {
    Counter c = new Counter();
    runAll(c::increment, c::increment);
    check(c.count == 2, "lost update: count = " + c.count);
  }

  public static void synchronizedUpdate() throws InterruptedException {
    Counter c = new Counter();
    runAll(c::incrementSafely, c::incrementSafely, c::incrementSafely);
    check(c.count == 3, "lost update: count = " + c.count);
  }

  public static void atomicUpdate() throws InterruptedException {
    AtomicInteger n = new AtomicInteger();
    runAll(n::incrementAndGet, n::incrementAndGet);
    check(n.get() == 2, "lost update: " + n.get());
  }

  // ---- check-then-act on a concurrent map ------------------------------------------------

  public static void checkThenActOnConcurrentMap() throws InterruptedException {
    Map<String, Integer> sessions = new ConcurrentHashMap<>();
    AtomicInteger created = new AtomicInteger();
    Runnable login = () -> {
      if (!sessions.containsKey("alice")) {
        sessions.put("alice", 1);
        created.incrementAndGet();
      }
    };
    runAll(login, login);
    check(created.get() == 1, "session created " + created.get() + " times");
  }

  public static void putIfAbsentOnConcurrentMap() throws InterruptedException {
    Map<String, Integer> sessions = new ConcurrentHashMap<>();
    AtomicInteger created = new AtomicInteger();
    Runnable login = () -> {
      if (sessions.putIfAbsent("alice", 1) == null) created.incrementAndGet();
    };
    runAll(login, login);
    check(created.get() == 1, "session created " + created.get() + " times");
  }

  // ---- lock-order deadlocks -------------------------------------------------------------

  public static void synchronizedLockOrderDeadlock() throws InterruptedException {
    Object left = new Object();
    Object right = new Object();
    runAll(
        () -> {
          synchronized (left) {
            synchronized (right) {
              left.hashCode();
            }
          }
        },
        () -> {
          synchronized (right) {
            synchronized (left) {
              right.hashCode();
            }
          }
        });
  }

  public static void synchronizedSameLockOrder() throws InterruptedException {
    Object left = new Object();
    Object right = new Object();
    Runnable both = () -> {
      synchronized (left) {
        synchronized (right) {
          left.hashCode();
        }
      }
    };
    runAll(both, both);
  }

  public static void reentrantLockOrderDeadlock() throws InterruptedException {
    ReentrantLock left = new ReentrantLock();
    ReentrantLock right = new ReentrantLock();
    runAll(() -> lockBoth(left, right), () -> lockBoth(right, left));
  }

  public static void reentrantLockSameOrder() throws InterruptedException {
    ReentrantLock left = new ReentrantLock();
    ReentrantLock right = new ReentrantLock();
    runAll(() -> lockBoth(left, right), () -> lockBoth(left, right));
  }

  private static void lockBoth(ReentrantLock first, ReentrantLock second) {
    first.lock();
    try {
      second.lock();
      second.unlock();
    } finally {
      first.unlock();
    }
  }

  // ---- wait / notify -------------------------------------------------------------------

  /** The waiter checks the flag outside the lock: a notify between check and wait is lost. */
  public static void lostWakeup() throws InterruptedException {
    Mailbox box = new Mailbox();
    runAll(box::awaitCheckingOutsideLock, box::deliver);
  }

  public static void guardedWait() throws InterruptedException {
    Mailbox box = new Mailbox();
    runAll(box::awaitInLoop, box::deliver);
  }

  // ---- java.util.concurrent -------------------------------------------------------------

  public static void latchAndSemaphore() throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(2);
    Semaphore permits = new Semaphore(1);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    Runnable worker = () -> {
      ready.countDown();
      try {
        permits.acquire();
        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
        inside.decrementAndGet();
        permits.release();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    };
    Thread a = new Thread(worker), b = new Thread(worker);
    a.start();
    b.start();
    ready.await();
    a.join();
    b.join();
    check(maxInside.get() == 1, "two threads inside a one-permit semaphore");
  }

  public static void blockingQueues() throws InterruptedException {
    BlockingQueue<Integer> bounded = new ArrayBlockingQueue<>(1);
    BlockingQueue<Integer> results = new LinkedBlockingQueue<>();
    Thread producer = new Thread(() -> {
      try {
        for (int i = 1; i <= 3; i++) bounded.put(i);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    });
    Thread consumer = new Thread(() -> {
      try {
        int sum = 0;
        for (int i = 0; i < 3; i++) sum += bounded.take();
        results.put(sum);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    });
    producer.start();
    consumer.start();
    producer.join();
    check(results.take() == 6, "wrong sum");
    consumer.join();
  }

  public static void conditionHandOff() throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    Condition filled = lock.newCondition();
    int[] slot = new int[1];
    Thread consumer = new Thread(() -> {
      lock.lock();
      try {
        while (slot[0] == 0) filled.awaitUninterruptibly();
      } finally {
        lock.unlock();
      }
    });
    consumer.start();
    lock.lock();
    try {
      slot[0] = 42;
      filled.signal();
    } finally {
      lock.unlock();
    }
    consumer.join();
  }

  // ---- other failures ------------------------------------------------------------------

  public static void exceptionInChildThread() throws InterruptedException {
    Counter c = new Counter();
    runAll(c::increment, () -> {
      if (c.count == 0) throw new IllegalStateException("worker saw an empty counter");
    });
  }

  /** Starts a worker that waits for a latch nobody counts down, and does not join it. */
  public static void threadLeftBlocked() {
    CountDownLatch never = new CountDownLatch(1);
    new Thread(() -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "stuck-worker").start();
  }

  public static void interruptWakesSleeperAndWaiter() throws InterruptedException {
    Object lock = new Object();
    AtomicInteger interrupted = new AtomicInteger();
    Thread waiter = new Thread(() -> {
      synchronized (lock) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          interrupted.incrementAndGet();
        }
      }
    });
    waiter.start();
    waiter.interrupt();
    waiter.join();
    check(interrupted.get() == 1, "the waiter was not interrupted");
  }
}
