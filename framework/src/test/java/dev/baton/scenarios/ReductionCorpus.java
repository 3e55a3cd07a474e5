package dev.baton.scenarios;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Small concurrent programs for the partial-order reduction's oracle ({@link
 * ReductionOracleTest}): every kind of lock and hand-off Baton models. Each returns what its
 * threads observed, as a string, instead of asserting: the oracle compares the set of these
 * outcomes, and the failures Baton detects itself (deadlocks, threads blocked at the end), between
 * the reduced and the unreduced search.
 */
public final class ReductionCorpus {
  private ReductionCorpus() {}

  /** Shared state of a program. */
  static final class Cell {
    int x;
    int y;
    int z;
    volatile boolean flag;
  }

  private static void runAll(Runnable... tasks) throws InterruptedException {
    Scenarios.runAll(tasks);
  }

  // ---- monitors ---------------------------------------------------------------------------

  /** The textbook lock-order deadlock (issue 14, item 6). */
  public static String monitorLockOrder() throws InterruptedException {
    Object left = new Object();
    Object right = new Object();
    Cell c = new Cell();
    runAll(() -> {
      synchronized (left) {
        synchronized (right) {
          c.x++;
        }
      }
    }, () -> {
      synchronized (right) {
        synchronized (left) {
          c.x++;
        }
      }
    });
    return "x=" + c.x;
  }

  /** The same two monitors in the same order: no deadlock; who goes first shows in the log. */
  public static String monitorSameOrder() throws InterruptedException {
    Object left = new Object();
    Object right = new Object();
    Cell c = new Cell();
    Runnable first = () -> {
      synchronized (left) {
        synchronized (right) {
          c.x = c.x * 10 + 1;
        }
      }
    };
    Runnable second = () -> {
      synchronized (left) {
        synchronized (right) {
          c.x = c.x * 10 + 2;
        }
      }
    };
    runAll(first, second);
    return "x=" + c.x;
  }

  /** Three threads, three monitors, a cycle: a deadlock that needs all three. */
  public static String monitorCycleOfThree() throws InterruptedException {
    Object a = new Object();
    Object b = new Object();
    Object d = new Object();
    Cell c = new Cell();
    runAll(() -> {
      synchronized (a) {
        synchronized (b) {
          c.x++;
        }
      }
    }, () -> {
      synchronized (b) {
        synchronized (d) {
          c.y++;
        }
      }
    }, () -> {
      synchronized (d) {
        synchronized (a) {
          c.z++;
        }
      }
    });
    return c.x + "" + c.y + c.z;
  }

  /** A locked write and an unlocked reader of two fields: the reader may see them half-way. */
  public static String monitorWithUnlockedReader() throws InterruptedException {
    Object lock = new Object();
    Cell c = new Cell();
    int[] seen = new int[2];
    runAll(() -> {
      synchronized (lock) {
        c.x = 1;
        c.y = 1;
      }
    }, () -> {
      seen[0] = c.y;
      seen[1] = c.x;
    });
    return seen[0] + "," + seen[1];
  }

  /** Lock hand-over that decides whether a third thread's write happens. */
  public static String monitorHandOver() throws InterruptedException {
    Object lock = new Object();
    Cell c = new Cell();
    runAll(() -> {
      synchronized (lock) {
        c.x = 1;
      }
    }, () -> {
      synchronized (lock) {
        if (c.x == 0) c.y = 1;
      }
    }, () -> {
      if (c.y == 1) c.z = c.x + 1;
    });
    return c.x + "" + c.y + c.z;
  }

  /** A synchronized method nested in a block on another monitor, taken in opposite order. */
  public static String synchronizedMethodLockOrder() throws InterruptedException {
    Account from = new Account();
    Account to = new Account();
    runAll(() -> from.transferTo(to), () -> to.transferTo(from));
    return from.balance + "," + to.balance;
  }

  /** An account whose transfer locks itself, then the other account. */
  static final class Account {
    int balance = 10;

    synchronized void transferTo(Account other) {
      balance -= 1;
      other.deposit(1);
    }

    synchronized void deposit(int amount) {
      balance += amount;
    }
  }

  // ---- wait and notify ----------------------------------------------------------------------

  /** A guarded wait: correct, whatever the order; the value read shows who wrote first. */
  public static String waitForCondition() throws InterruptedException {
    Object lock = new Object();
    Cell c = new Cell();
    runAll(() -> {
      synchronized (lock) {
        c.x = 1;
        lock.notifyAll();
      }
    }, () -> {
      synchronized (lock) {
        while (c.x == 0) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        c.y = c.z;
      }
    }, () -> c.z = 1);
    return "y=" + c.y;
  }

  /** A notify before the wait, with no condition to check: the waiter waits forever. */
  public static String lostNotify() throws InterruptedException {
    Object lock = new Object();
    runAll(() -> {
      synchronized (lock) {
        lock.notify();
      }
    }, () -> {
      synchronized (lock) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    return "woke";
  }

  /** Two waiters and a notifyAll: the order in which they take the monitor back. */
  public static String notifyAllWakesBoth() throws InterruptedException {
    Object lock = new Object();
    Cell c = new Cell();
    Runnable waiter = () -> {
      synchronized (lock) {
        while (!c.flag) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        c.x = c.x * 10 + (++c.y);
      }
    };
    runAll(waiter, waiter, () -> {
      synchronized (lock) {
        c.flag = true;
        lock.notifyAll();
      }
    });
    return "x=" + c.x;
  }

  // ---- java.util.concurrent locks -----------------------------------------------------------

  /** The lock-order deadlock with two ReentrantLocks. */
  public static String reentrantLockOrder() throws InterruptedException {
    ReentrantLock left = new ReentrantLock();
    ReentrantLock right = new ReentrantLock();
    Cell c = new Cell();
    runAll(() -> {
      left.lock();
      right.lock();
      c.x++;
      right.unlock();
      left.unlock();
    }, () -> {
      right.lock();
      left.lock();
      c.x++;
      left.unlock();
      right.unlock();
    });
    return "x=" + c.x;
  }

  /** tryLock: who gets the lock, and whether the other one finds it taken. */
  public static String reentrantTryLock() throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    Cell c = new Cell();
    runAll(() -> {
      if (lock.tryLock()) {
        c.x = c.x * 10 + 1;
        lock.unlock();
      }
    }, () -> {
      if (lock.tryLock()) {
        c.x = c.x * 10 + 2;
        lock.unlock();
      }
    });
    return "x=" + c.x;
  }

  /** A writer under the write lock, a reader under the read lock: never half-way. */
  public static String readWriteLock() throws InterruptedException {
    ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    Cell c = new Cell();
    int[] seen = new int[2];
    runAll(() -> {
      rw.writeLock().lock();
      c.x = 1;
      c.y = 1;
      rw.writeLock().unlock();
    }, () -> {
      rw.readLock().lock();
      seen[0] = c.y;
      seen[1] = c.x;
      rw.readLock().unlock();
    });
    return seen[0] + "," + seen[1];
  }

  /** A read lock and a monitor taken in opposite orders by a reader and a writer. */
  public static String readWriteLockAndMonitor() throws InterruptedException {
    ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    Object monitor = new Object();
    Cell c = new Cell();
    runAll(() -> {
      rw.writeLock().lock();
      synchronized (monitor) {
        c.x++;
      }
      rw.writeLock().unlock();
    }, () -> {
      synchronized (monitor) {
        rw.readLock().lock();
        c.y = c.x;
        rw.readLock().unlock();
      }
    });
    return c.x + "," + c.y;
  }

  /** An optimistic read of a StampedLock: validated, or seen half-way and retried. */
  public static String stampedOptimisticRead() throws InterruptedException {
    StampedLock lock = new StampedLock();
    Cell c = new Cell();
    String[] seen = new String[1];
    runAll(() -> {
      long stamp = lock.writeLock();
      c.x = 1;
      c.y = 1;
      lock.unlockWrite(stamp);
    }, () -> {
      long stamp = lock.tryOptimisticRead();
      int y = c.y;
      int x = c.x;
      seen[0] = (lock.validate(stamp) ? "valid " : "invalid ") + y + x;
    });
    return seen[0];
  }

  // ---- other hand-offs ----------------------------------------------------------------------

  /** A thread joins another and reads what it wrote, while a third overwrites it. */
  public static String joinThenRead() throws InterruptedException {
    Cell c = new Cell();
    Thread writer = new Thread(() -> c.x = 1);
    Thread overwriter = new Thread(() -> c.x = 2);
    Thread reader = new Thread(() -> {
      try {
        writer.join();
      } catch (InterruptedException e) {
        return;
      }
      c.y = c.x;
    });
    writer.start();
    overwriter.start();
    reader.start();
    writer.join();
    overwriter.join();
    reader.join();
    return "y=" + c.y;
  }

  /** Park until a flag is set; the unparker writes a value before or after the flag. */
  public static String parkAndUnpark() throws InterruptedException {
    Cell c = new Cell();
    int[] seen = new int[1];
    Thread parker = new Thread(() -> {
      while (!c.flag) LockSupport.park();
      seen[0] = c.x;
    });
    parker.start();
    Thread unparker = new Thread(() -> {
      c.flag = true;
      c.x = 1;
      LockSupport.unpark(parker);
    });
    unparker.start();
    parker.join();
    unparker.join();
    return "x=" + seen[0];
  }

  /** A one-permit semaphore guarding an increment, and an unguarded reader. */
  public static String semaphore() throws InterruptedException {
    Semaphore permit = new Semaphore(1);
    Cell c = new Cell();
    Runnable increment = () -> {
      permit.acquireUninterruptibly();
      c.x++;
      permit.release();
    };
    runAll(increment, increment, () -> c.y = c.x);
    return c.x + "," + c.y;
  }

  /** Workers count a latch down, one of them writing after it: the waiter may miss that write. */
  public static String latch() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(2);
    Cell c = new Cell();
    int[] seen = new int[1];
    runAll(() -> {
      c.x = 1;
      done.countDown();
    }, () -> {
      done.countDown();
      c.y = 1;
    }, () -> {
      try {
        done.await();
      } catch (InterruptedException e) {
        return;
      }
      seen[0] = c.x * 10 + c.y;
    });
    return "seen=" + seen[0];
  }

  // ---- plain fields and atomics ---------------------------------------------------------------

  /** The lost update of two unsynchronized increments. */
  public static String lostUpdate() throws InterruptedException {
    Cell c = new Cell();
    runAll(() -> c.x++, () -> c.x++);
    return "x=" + c.x;
  }

  /** A reader of two fields written by two writers, in the other order. */
  public static String readerBetweenWriters() throws InterruptedException {
    Cell c = new Cell();
    int[] seen = new int[2];
    runAll(() -> c.x = 1, () -> c.y = 1, () -> {
      seen[0] = c.y;
      seen[1] = c.x;
    });
    return seen[0] + "," + seen[1];
  }

  /** Two compare-and-sets racing, and a get that sees the winner or not. */
  public static String atomicCompareAndSet() throws InterruptedException {
    AtomicInteger a = new AtomicInteger();
    Cell c = new Cell();
    runAll(() -> {
      if (a.compareAndSet(0, 1)) c.x = 1;
    }, () -> {
      if (a.compareAndSet(0, 2)) c.y = 2;
    }, () -> c.z = a.get());
    return c.x + "" + c.y + c.z;
  }

  /** An atomic counter that publishes a plain field, read by a third thread. */
  public static String atomicsAndPlainFields() throws InterruptedException {
    AtomicInteger a = new AtomicInteger();
    Cell c = new Cell();
    runAll(() -> {
      c.x = 1;
      a.incrementAndGet();
    }, () -> {
      if (a.get() == 1) c.y = c.x;
    }, () -> a.incrementAndGet());
    return c.y + "," + a.get();
  }

  /** Three threads on different fields, with one shared one: most orders are equivalent. */
  public static String threeThreadsMostlyIndependent() throws InterruptedException {
    Cell c = new Cell();
    int[] own = new int[3];
    runAll(() -> {
      own[0] = 1;
      c.x = 1;
    }, () -> {
      own[1] = 1;
      c.y = c.x;
    }, () -> {
      own[2] = 1;
      c.z = 1;
    });
    return c.x + "" + c.y + c.z + own[0] + own[1] + own[2];
  }
}
