package dev.baton.scenarios;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Programs whose schedules {@code PinnedSchedulesTest} pins: one per part of the scheduler's model
 * (plain fields, monitors, wait sets, locks and park permits, the virtual clock, seeded values).
 * They are this test's own, so that nothing else that changes shifts their schedules.
 */
public final class PinnedScheduleScenarios {
  private PinnedScheduleScenarios() {}

  /** A plain field. */
  static final class Cell {
    int value;
    boolean ready;
  }

  private static void runAll(Runnable... tasks) throws InterruptedException {
    Thread[] threads = new Thread[tasks.length];
    for (int i = 0; i < tasks.length; i++) threads[i] = new Thread(tasks[i], "t" + i);
    for (Thread t : threads) t.start();
    for (Thread t : threads) t.join();
  }

  // ---- failing programs --------------------------------------------------------------------

  /** Two unsynchronised increments: one can be lost. */
  public static void lostUpdate() throws InterruptedException {
    Cell c = new Cell();
    Runnable increment = () -> c.value = c.value + 1;
    runAll(increment, increment);
    if (c.value != 2) throw new AssertionError("lost update: " + c.value);
  }

  /** Two monitors taken in opposite orders. */
  public static void monitorDeadlock() throws InterruptedException {
    Object left = new Object();
    Object right = new Object();
    runAll(
        () -> {
          synchronized (left) {
            synchronized (right) {
              left.notifyAll();
            }
          }
        },
        () -> {
          synchronized (right) {
            synchronized (left) {
              right.notifyAll();
            }
          }
        });
  }

  /** The waiter checks the flag outside the monitor: the notification can come before it waits. */
  public static void lostWakeup() throws InterruptedException {
    Object lock = new Object();
    Cell c = new Cell();
    runAll(
        () -> {
          if (!c.ready) {
            synchronized (lock) {
              try {
                lock.wait();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            }
          }
        },
        () -> {
          c.ready = true;
          synchronized (lock) {
            lock.notify();
          }
        });
  }

  /** Two ReentrantLocks taken in opposite orders (the threads park in the model). */
  public static void lockDeadlock() throws InterruptedException {
    ReentrantLock first = new ReentrantLock();
    ReentrantLock second = new ReentrantLock();
    runAll(() -> lockBoth(first, second), () -> lockBoth(second, first));
  }

  private static void lockBoth(ReentrantLock a, ReentrantLock b) {
    a.lock();
    try {
      b.lock();
      b.unlock();
    } finally {
      a.unlock();
    }
  }

  // ---- correct programs whose outcome differs from schedule to schedule -----------------------

  /** Two waiters, one notify at a time: which waiter a notify wakes is the schedule's choice. */
  public static void waitNotify(List<String> seen) throws InterruptedException {
    Object lock = new Object();
    Cell c = new Cell();
    StringBuilder order = new StringBuilder();
    Runnable waiter = () -> {
      synchronized (lock) {
        while (!c.ready) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }
        order.append(Thread.currentThread().getName());
      }
    };
    Runnable notifier = () -> {
      synchronized (lock) {
        c.ready = true;
        lock.notify();
      }
      synchronized (lock) {
        lock.notify();
      }
    };
    runAll(waiter, waiter, notifier);
    seen.add(order.toString());
  }

  /** A ReentrantLock, and a park/unpark hand-shake: who gets the lock first, and when the permit came. */
  public static void lockAndPark(List<String> seen) throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    StringBuilder order = new StringBuilder();
    Cell c = new Cell();
    Runnable critical = () -> {
      lock.lock();
      try {
        order.append(Thread.currentThread().getName());
      } finally {
        lock.unlock();
      }
    };
    Thread parker = new Thread(() -> {
      while (!c.ready) LockSupport.park();
      lock.lock();
      try {
        order.append('p');
      } finally {
        lock.unlock();
      }
    }, "p");
    parker.start();
    Thread a = new Thread(critical, "a");
    Thread b = new Thread(critical, "b");
    a.start();
    b.start();
    c.ready = true;
    LockSupport.unpark(parker);
    a.join();
    b.join();
    parker.join();
    seen.add(order.toString());
  }

  /** Sleeps, a timed wait that may time out or be notified, and what the clocks read. */
  public static void virtualClock(List<String> seen) throws InterruptedException {
    Object lock = new Object();
    Cell c = new Cell();
    long start = System.nanoTime();
    long[] woke = new long[2];
    Thread sleeper = new Thread(() -> {
      try {
        Thread.sleep(3);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      woke[0] = System.nanoTime() - start;
      synchronized (lock) {
        c.ready = true;
        lock.notify();
      }
    });
    Thread waiter = new Thread(() -> {
      synchronized (lock) {
        try {
          if (!c.ready) lock.wait(2);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        c.value = c.ready ? 1 : 2;
      }
      woke[1] = System.currentTimeMillis();
    });
    sleeper.start();
    waiter.start();
    sleeper.join();
    waiter.join();
    seen.add(woke[0] + "/" + c.value + "/" + woke[1] + "/" + (System.nanoTime() - start));
  }

  /** Random numbers and identity hashes drawn by two racing threads. */
  public static void seededValues(List<String> seen) throws InterruptedException {
    StringBuilder values = new StringBuilder();
    Runnable draw = () -> {
      int local = ThreadLocalRandom.current().nextInt(1000);
      int shared = new Random().nextInt(1000);
      double math = Math.random();
      int identity = new Cell().hashCode(); // a user class without hashCode: seeded identity hash
      synchronized (values) {
        values.append(Thread.currentThread().getName()).append(':').append(local).append(',')
            .append(shared).append(',').append((int) (math * 1000)).append(',').append(identity)
            .append(' ');
      }
    };
    runAll(draw, draw);
    seen.add(values.toString().trim());
  }
}
