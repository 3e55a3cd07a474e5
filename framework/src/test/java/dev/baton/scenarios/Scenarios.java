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
import java.util.concurrent.locks.LockSupport;
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

  // ---- spin waits -----------------------------------------------------------------------

  /** Static state of its own, so that only the scenario that uses it needs fresh classes. */
  static final class SpinFlag {
    static volatile boolean set;
  }

  /** Busy-waits on a volatile field for a thread that sets it: must never look like a hang. */
  public static void spinOnVolatileField() throws InterruptedException {
    SpinFlag.set = false;
    Thread setter = new Thread(() -> SpinFlag.set = true);
    setter.start();
    while (!SpinFlag.set) {
      // spin
    }
    setter.join();
  }

  public static void spinWithYieldAndSleep() throws InterruptedException {
    AtomicInteger stage = new AtomicInteger();
    Thread worker = new Thread(() -> {
      while (stage.get() == 0) Thread.yield();
      stage.set(2);
    });
    worker.start();
    stage.set(1);
    while (stage.get() != 2) Thread.sleep(10);
    worker.join();
  }

  /** A loop whose exit condition can never become true: a real hang. */
  public static void spinForever() throws InterruptedException {
    Counter c = new Counter();
    Thread spinner = new Thread(() -> {
      while (c.count != -1) c.increment();
    });
    spinner.start();
    spinner.join();
  }

  public static void interruptWakesSleeper() throws InterruptedException {
    AtomicInteger outcome = new AtomicInteger();
    Thread sleeper = new Thread(() -> {
      try {
        Thread.sleep(60_000);
        outcome.set(1);
      } catch (InterruptedException e) {
        outcome.set(Thread.currentThread().isInterrupted() ? 3 : 2);
      }
    });
    sleeper.start();
    sleeper.interrupt();
    sleeper.join();
    check(outcome.get() == 2, "interrupted sleep ended with outcome " + outcome.get()
        + " (1: returned normally, 3: threw but left the flag set)");
  }

  /** A Thread subclass of the scenario's, interrupted as soon as it is started. */
  static final class Sleeper extends Thread {
    final AtomicInteger outcome = new AtomicInteger();

    @Override
    public void run() {
      try {
        Thread.sleep(60_000);
        outcome.set(1);
      } catch (InterruptedException e) {
        outcome.set(Thread.currentThread().isInterrupted() ? 3 : 2);
      }
    }
  }

  /**
   * The interrupt may come before the started thread's OS thread gets anywhere: the model has it
   * from its start, and its sleep still throws, with the flag cleared.
   */
  public static void interruptWakesSleeperSubclass() throws InterruptedException {
    Sleeper sleeper = new Sleeper();
    sleeper.start();
    sleeper.interrupt();
    sleeper.join();
    check(sleeper.outcome.get() == 2, "interrupted sleep ended with outcome "
        + sleeper.outcome.get() + " (1: returned normally, 3: threw but left the flag set)");
  }

  /**
   * A permit given before the started thread runs: its park returns at once, in every schedule
   * (a lost permit would leave it parked for ever, and the schedule would end blocked).
   */
  public static void unparkBeforeItRuns() throws InterruptedException {
    AtomicInteger parked = new AtomicInteger();
    Thread parker = new Thread(() -> {
      LockSupport.park();
      parked.incrementAndGet();
    });
    parker.start();
    LockSupport.unpark(parker);
    parker.join();
    check(parked.get() == 1, "the parker did not get past its park");
  }

  /**
   * The idiom of waiting until another thread blocks. A thread waiting for the baton is parked in
   * the JVM, but RUNNABLE to the program: were it WAITING, the loop would notify before the waiter
   * waits, and the waiter would wait for ever.
   */
  public static void waitUntilItWaits() throws InterruptedException {
    Object lock = new Object();
    Thread waiter = new Thread(() -> {
      synchronized (lock) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    waiter.start();
    while (waiter.getState() != Thread.State.WAITING) Thread.yield();
    synchronized (lock) {
      lock.notifyAll();
    }
    waiter.join();
    check(waiter.getState() == Thread.State.TERMINATED, "joined, but " + waiter.getState());
  }

  /** A daemon ticker the scenario never stops: like the JVM, Baton does not wait for it. */
  public static void daemonLeftRunning() {
    Thread ticker = new Thread(() -> {
      Counter c = new Counter();
      while (true) {
        c.increment();
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "daemon-ticker");
    ticker.setDaemon(true);
    ticker.start();
  }

  // ---- time --------------------------------------------------------------------------

  /** Timed operations of java.util.concurrent time out on the virtual clock, and only then. */
  public static void timedConcurrencyOperations() throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    BlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
    CountDownLatch done = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      lock.lock();
      try {
        queue.add(1);
      } finally {
        lock.unlock();
      }
      done.countDown();
    });
    holder.start();
    check(done.await(10, java.util.concurrent.TimeUnit.SECONDS), "latch timed out");
    check(lock.tryLock(2, java.util.concurrent.TimeUnit.SECONDS), "tryLock timed out on a free lock");
    lock.unlock();
    check(queue.poll(2, java.util.concurrent.TimeUnit.SECONDS) == 1, "poll missed the element");
    long before = System.nanoTime();
    check(queue.poll(2, java.util.concurrent.TimeUnit.SECONDS) == null, "poll invented an element");
    long waited = System.nanoTime() - before;
    check(waited >= 2_000_000_000L, "poll(2 s) returned after " + waited + " ns");
    holder.join();
  }

  public static void sleepPassesVirtualTime() throws InterruptedException {
    long before = System.nanoTime();
    long wallBefore = System.currentTimeMillis();
    Thread.sleep(1500);
    long slept = System.nanoTime() - before;
    check(slept >= 1_500_000_000L && slept < 1_600_000_000L, "slept " + slept + " ns");
    check(System.currentTimeMillis() - wallBefore >= 1500, "the wall clock did not move");
  }

  public static void executorService() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    AtomicInteger n = new AtomicInteger();
    java.util.concurrent.Future<?> a = pool.submit(n::incrementAndGet);
    java.util.concurrent.Future<?> b = pool.submit(n::incrementAndGet);
    a.get();
    b.get(5, java.util.concurrent.TimeUnit.SECONDS);
    pool.shutdown();
    check(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS), "pool did not terminate");
    check(n.get() == 2, "lost a task");
  }

  public static void executorLostUpdate() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    Counter c = new Counter();
    java.util.concurrent.Future<?> a = pool.submit(c::increment);
    java.util.concurrent.Future<?> b = pool.submit(c::increment);
    a.get();
    b.get();
    pool.shutdown();
    check(c.count == 2, "lost update: count = " + c.count);
  }

  /** The classic: iterating a synchronized list without holding its lock. */
  public static void iterateSynchronizedListWithoutItsLock() throws InterruptedException {
    java.util.List<Integer> list =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>(java.util.List.of(1, 2, 3)));
    Thread adder = new Thread(() -> list.add(4));
    adder.start();
    int sum = 0;
    for (Integer i : list) sum += i;
    adder.join();
    check(sum == 6 || sum == 10, "sum " + sum);
  }

  /** The consumer waits for a signal that was sent before it started waiting. */
  public static void lostSignal() throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    Condition filled = lock.newCondition();
    int[] slot = new int[1];
    Thread consumer = new Thread(() -> {
      boolean empty;
      lock.lock();
      try {
        empty = slot[0] == 0;
      } finally {
        lock.unlock();
      }
      if (empty) {
        lock.lock();
        try {
          filled.awaitUninterruptibly();
        } finally {
          lock.unlock();
        }
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
