package dev.baton.benchmarks;

import dev.baton.Scenario;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** Buggy programs for the time-to-first-bug tables: each fails in some interleavings only. */
public final class Bugs {
  private Bugs() {}

  /** A bug by name, in the order of the table. */
  public enum Bug {
    LOST_UPDATE("lost update (count++ in 2 threads)", Bugs::lostUpdate),
    CHECK_THEN_ACT("check-then-act on a ConcurrentHashMap", Bugs::checkThenAct),
    LOCK_ORDER("lock-order deadlock, ReentrantLock", Bugs::lockOrderDeadlock),
    LOST_WAKEUP("lost wakeup (wait/notify)", Bugs::lostWakeup);

    public final String label;
    /** The bug as a static method reference: Baton reloads it, so it captures nothing. */
    public final Scenario scenario;

    Bug(String label, Scenario scenario) {
      this.label = label;
      this.scenario = scenario;
    }
  }

  static final class Counter {
    int count;
  }

  public static void lostUpdate() throws InterruptedException {
    Counter c = new Counter();
    Workloads.runAll(2, () -> c.count++);
    Workloads.check(c.count == 2, "lost update: count = " + c.count);
  }

  public static void checkThenAct() throws InterruptedException {
    Map<String, Integer> map = new ConcurrentHashMap<>();
    int[] created = new int[1];
    Object guard = new Object();
    Workloads.runAll(2, () -> {
      if (!map.containsKey("session")) {
        map.put("session", 1);
        synchronized (guard) {
          created[0]++;
        }
      }
    });
    Workloads.check(created[0] == 1, "session created twice");
  }

  public static void lockOrderDeadlock() throws InterruptedException {
    ReentrantLock a = new ReentrantLock();
    ReentrantLock b = new ReentrantLock();
    Thread one = new Thread(() -> both(a, b));
    Thread two = new Thread(() -> both(b, a));
    one.start();
    two.start();
    one.join();
    two.join();
  }

  private static void both(ReentrantLock first, ReentrantLock second) {
    first.lock();
    try {
      second.lock();
      second.unlock();
    } finally {
      first.unlock();
    }
  }

  static final class Flag {
    boolean set;
  }

  /** The waiter checks the flag outside the monitor: a notify between check and wait is lost. */
  public static void lostWakeup() throws InterruptedException {
    Flag flag = new Flag();
    Thread waiter = new Thread(() -> {
      if (!flag.set) {
        synchronized (flag) {
          try {
            flag.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    });
    waiter.start();
    synchronized (flag) {
      flag.set = true;
      flag.notifyAll();
    }
    waiter.join();
  }
}
