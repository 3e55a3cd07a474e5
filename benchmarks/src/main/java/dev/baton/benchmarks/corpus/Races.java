package dev.baton.benchmarks.corpus;

import static dev.baton.benchmarks.corpus.Threads.check;
import static dev.baton.benchmarks.corpus.Threads.joinAll;
import static dev.baton.benchmarks.corpus.Threads.runAll;
import static dev.baton.benchmarks.corpus.Threads.start;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Data races and atomicity violations on plain memory: each program has a buggy form and a {@code
 * fixed} form that must pass every schedule.
 */
final class Races {
  private Races() {}

  static final class Pair {
    int a;
    int b;
  }

  /**
   * {@code before} writers, then a checker, then {@code after} writers; every writer writes {@code
   * a = 1; b = -1}. The checker must never see a writer half-way ({@code a == 1, b == 0}): it does
   * when it reads both between the first writer's two writes (SCTBench reorder_N).
   */
  static void writers(int before, int after, boolean fixed) throws InterruptedException {
    Pair p = new Pair();
    Object lock = new Object();
    Runnable writer = () -> {
      if (fixed) {
        synchronized (lock) {
          p.a = 1;
          p.b = -1;
        }
      } else {
        p.a = 1;
        p.b = -1;
      }
    };
    int[] seen = new int[2];
    Runnable checker = () -> {
      if (fixed) {
        synchronized (lock) {
          seen[0] = p.a;
          seen[1] = p.b;
        }
      } else {
        seen[0] = p.a;
        seen[1] = p.b;
      }
    };
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < before; i++) threads.add(start(writer));
    threads.add(start(checker));
    for (int i = 0; i < after; i++) threads.add(start(writer));
    joinAll(threads);
    check(seen[0] == -seen[1], "the checker saw a writer half-way: a = " + seen[0] + ", b = "
        + seen[1]);
  }

  static final class Stages {
    int data1;
    int data2;
  }

  /**
   * {@code stages} threads run a two-stage update, {@code data1} under one lock then {@code data2
   * = data1 + 1} under another; a reader started last must never see stage one without stage two
   * (SCTBench twostage_N). Fixed: the first lock is held across both stages.
   */
  static void twoStage(int stages, boolean fixed) throws InterruptedException {
    Stages s = new Stages();
    ReentrantLock first = new ReentrantLock();
    ReentrantLock second = new ReentrantLock();
    Runnable stage = () -> {
      first.lock();
      s.data1 = 1;
      if (!fixed) first.unlock();
      second.lock();
      s.data2 = s.data1 + 1;
      second.unlock();
      if (fixed) first.unlock();
    };
    boolean[] torn = new boolean[1];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < stages; i++) threads.add(start(stage));
    threads.add(start(() -> {
      first.lock();
      if (s.data1 == 1) {
        second.lock();
        torn[0] = s.data2 != s.data1 + 1;
        second.unlock();
      }
      first.unlock();
    }));
    joinAll(threads);
    check(!torn[0], "the reader saw stage one without stage two");
  }

  static final class Lazy {
    Object instance;

    Object get() {
      if (instance == null) instance = new Object();
      return instance;
    }

    synchronized Object getSynchronized() {
      return get();
    }
  }

  /** Lazy initialisation without a lock: two callers may get two different instances. */
  static void lazyInit(boolean fixed) throws InterruptedException {
    Lazy lazy = new Lazy();
    Object[] got = new Object[2];
    Thread one = start(() -> got[0] = fixed ? lazy.getSynchronized() : lazy.get());
    Thread two = start(() -> got[1] = fixed ? lazy.getSynchronized() : lazy.get());
    one.join();
    two.join();
    check(got[0] == got[1], "two instances of a lazily initialised singleton");
  }

  static final class Tickets {
    int remaining = 2;
    final AtomicInteger sold = new AtomicInteger();

    void sell() {
      if (remaining > 0) {
        remaining = remaining - 1;
        sold.incrementAndGet();
      }
    }

    synchronized void sellSynchronized() {
      sell();
    }
  }

  /** Check-then-act: three sellers, two tickets; {@code if (remaining > 0)} oversells. */
  static void checkThenAct(boolean fixed) throws InterruptedException {
    Tickets t = new Tickets();
    runAll(3, fixed ? t::sellSynchronized : t::sell);
    check(t.sold.get() <= 2, "sold " + t.sold.get() + " of 2 tickets");
  }

  static final class Account {
    int balance = 100;
    final AtomicInteger granted = new AtomicInteger();

    void withdraw(int amount) {
      if (balance >= amount) {
        balance = balance - amount;
        granted.addAndGet(amount);
      }
    }

    synchronized void withdrawSynchronized(int amount) {
      withdraw(amount);
    }
  }

  /** Two withdrawals of 80 from 100: the balance check and the debit are not atomic. */
  static void accountRace(boolean fixed) throws InterruptedException {
    Account account = new Account();
    runAll(2, () -> {
      if (fixed) account.withdrawSynchronized(80);
      else account.withdraw(80);
    });
    check(account.granted.get() <= 100, "granted " + account.granted.get() + " from 100");
  }

  static final class Bank {
    final int[] balances = {100, 100, 100};
    final Object[] locks = {new Object(), new Object(), new Object()};

    /** Locks the source account only: the credit races with the target's own debit. */
    void transfer(int from, int to, int amount) {
      synchronized (locks[from]) {
        balances[from] -= amount;
        balances[to] += amount;
      }
    }

    /** Locks both accounts, lower index first. */
    void transferSafely(int from, int to, int amount) {
      synchronized (locks[Math.min(from, to)]) {
        synchronized (locks[Math.max(from, to)]) {
          balances[from] -= amount;
          balances[to] += amount;
        }
      }
    }
  }

  /** Three transfers around a ring of accounts: money is created or lost. */
  static void bankTransfers(boolean fixed) throws InterruptedException {
    Bank bank = new Bank();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int from = i;
      int to = (i + 1) % 3;
      threads.add(start(() -> {
        if (fixed) bank.transferSafely(from, to, 50);
        else bank.transfer(from, to, 50);
      }));
    }
    joinAll(threads);
    int total = bank.balances[0] + bank.balances[1] + bank.balances[2];
    check(total == 300, "the bank holds " + total + " instead of 300");
  }

  static final class Helper {
    int value;
  }

  static final class Holder {
    Helper instance;
    volatile Helper safe;

    /**
     * Double-checked locking that publishes the instance before initialising it: what a compiler
     * may do to {@code instance = new Helper(42)} without {@code volatile}, written out.
     */
    Helper get() {
      Helper h = instance;
      if (h == null) {
        synchronized (this) {
          h = instance;
          if (h == null) {
            h = new Helper();
            instance = h;
            h.value = 42;
          }
        }
      }
      return h;
    }

    Helper getSafely() {
      Helper h = safe;
      if (h == null) {
        synchronized (this) {
          h = safe;
          if (h == null) {
            h = new Helper();
            h.value = 42;
            safe = h;
          }
        }
      }
      return h;
    }
  }

  /** Double-checked locking: a second caller may use the instance before it is initialised. */
  static void doubleCheckedLocking(boolean fixed) throws InterruptedException {
    Holder holder = new Holder();
    int[] seen = new int[2];
    Thread one = start(() -> seen[0] = (fixed ? holder.getSafely() : holder.get()).value);
    Thread two = start(() -> seen[1] = (fixed ? holder.getSafely() : holder.get()).value);
    one.join();
    two.join();
    check(seen[0] == 42 && seen[1] == 42, "an uninitialised instance was used: " + seen[0]
        + ", " + seen[1]);
  }

  static final class Counter {
    volatile int count;
    final AtomicInteger atomic = new AtomicInteger();
  }

  /** Three threads increment a volatile counter twice: volatile does not make ++ atomic. */
  static void volatileCounter(boolean fixed) throws InterruptedException {
    Counter c = new Counter();
    runAll(3, () -> {
      for (int i = 0; i < 2; i++) {
        if (fixed) c.atomic.incrementAndGet();
        else c.count++;
      }
    });
    int total = fixed ? c.atomic.get() : c.count;
    check(total == 6, "count = " + total + " after 6 increments");
  }

  static final class Range {
    int low;
    int high = 10;
    final Object lowLock = new Object();
    final Object highLock = new Object();
  }

  private static void setHigh(Range r) {
    synchronized (r.highLock) {
      r.high = 30;
    }
  }

  /**
   * An invariant over two fields ({@code low <= high}) guarded by two locks: a reader between the
   * two updates sees it broken. Fixed: one lock guards both.
   */
  static void splitLockInvariant(boolean fixed) throws InterruptedException {
    Range r = new Range();
    boolean[] broken = new boolean[1];
    Thread setter = start(() -> {
      synchronized (r.lowLock) {
        r.low = 20;
        if (fixed) setHigh(r); // still under the low lock, which the reader takes first
      }
      if (!fixed) setHigh(r); // the invariant is broken until here
    });
    Thread reader = start(() -> {
      synchronized (r.lowLock) {
        synchronized (r.highLock) {
          broken[0] = r.low > r.high;
        }
      }
    });
    setter.join();
    reader.join();
    check(!broken[0], "the reader saw low > high");
  }
}
