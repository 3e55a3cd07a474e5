package dev.baton.scenarios;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Correct programs that an earlier Baton reported as failing (found by review): each asserts what
 * every JVM guarantees, so each must pass every schedule.
 */
public final class RegressionScenarios {
  private RegressionScenarios() {}

  static void check(boolean condition, String message) {
    if (!condition) throw new AssertionError(message);
  }

  public static class Cell {
    int value;
    int other;
    int tokens;
    int waiting;
    boolean aThrew;

    void increment() { value++; }
    void touch() { other++; }
  }

  // 1. A descheduled thread's interrupt status is invisible to the others.
  public static void interruptStatusIsVisible() throws InterruptedException {
    AtomicBoolean go = new AtomicBoolean();
    Thread t = new Thread(() -> { while (!go.get()) Thread.onSpinWait(); });
    t.start();
    t.interrupt();
    long end = System.nanoTime() + 20_000_000L; // 20 ms of real time without a scheduling point
    while (System.nanoTime() < end) { }
    boolean seen = t.isInterrupted();
    go.set(true);
    t.join();
    check(seen, "t.isInterrupted() is false right after t.interrupt()");
  }

  // 2. notify() picks an interrupted waiter, which then throws: the notification is lost (JLS 17.2.4).
  public static void notifyIsNotLostToAnInterruptedWaiter() throws InterruptedException {
    Object lock = new Object();
    Cell box = new Cell();
    Runnable waiter = () -> {
      synchronized (lock) {
        box.waiting++;
        try {
          while (box.tokens == 0) lock.wait();
          box.tokens--;
        } catch (InterruptedException e) {
          if (Thread.currentThread().getName().equals("A")) box.aThrew = true;
        } finally {
          box.waiting--;
        }
      }
    };
    Thread a = new Thread(waiter, "A");
    Thread b = new Thread(waiter, "B");
    a.start();
    b.start();
    while (true) {
      synchronized (lock) {
        if (box.waiting == 2) break;
      }
      Thread.sleep(1);
    }
    synchronized (lock) {
      box.tokens = 1;
      lock.notify();
      a.interrupt();
    }
    a.join();
    b.join(1000);
    if (b.isAlive()) {
      // JLS 17.2.4: one of the notified set returns normally, or all of them throw.
      check(!box.aThrew, "notification lost: A threw InterruptedException and B was never woken");
      b.interrupt();
      b.join();
    }
  }

  // 4. Memoisation with computeIfAbsent: JDK code holds a real monitor while user code runs.
  public static void memoizeWithComputeIfAbsent() throws InterruptedException {
    ConcurrentHashMap<String, Integer> cache = new ConcurrentHashMap<>();
    Cell calls = new Cell();
    Runnable lookup = () -> cache.computeIfAbsent("k", k -> {
      calls.increment();
      return 42;
    });
    Thread a = new Thread(lookup);
    Thread b = new Thread(lookup);
    a.start();
    b.start();
    a.join();
    b.join();
    check(calls.value == 1, "computed " + calls.value + " times");
  }

  /** A key whose equals reads fields: called by ConcurrentHashMap inside a locked bin. */
  static final class Key {
    final int id;
    int reads;

    Key(int id) {
      this.id = id;
    }

    @Override
    public boolean equals(Object o) {
      reads++;
      return o instanceof Key k && k.id == id;
    }

    @Override
    public int hashCode() {
      return 1; // one bin for every key
    }
  }

  public static void userEqualsInsideALockedBin() throws InterruptedException {
    ConcurrentHashMap<Key, Integer> map = new ConcurrentHashMap<>();
    map.put(new Key(0), 0);
    Thread a = new Thread(() -> map.put(new Key(1), 1));
    Thread b = new Thread(() -> map.put(new Key(2), 2));
    a.start();
    b.start();
    a.join();
    b.join();
    check(map.size() == 3, "size " + map.size());
  }

  /** An exception out of an atomic JDK call must leave the thread preemptible again. */
  public static void interruptedTakeLeavesTheThreadPreemptible() throws InterruptedException {
    java.util.concurrent.BlockingQueue<Integer> queue = new java.util.concurrent.LinkedBlockingQueue<>();
    AtomicBoolean go = new AtomicBoolean();
    Thread worker = new Thread(() -> {
      try {
        queue.take();
      } catch (InterruptedException expected) {
        // fall through to the spin
      }
      while (!go.get()) {
        // needs main to run: only possible if this thread can be preempted
      }
    });
    worker.start();
    worker.interrupt();
    go.set(true);
    worker.join();
  }

  /** The Javadoc idiom: iterate a synchronized list while holding its lock. */
  public static void iterateSynchronizedListUnderItsLock() throws InterruptedException {
    List<Integer> list = Collections.synchronizedList(new ArrayList<>(List.of(1, 2, 3)));
    Thread adder = new Thread(() -> list.add(4));
    adder.start();
    int sum = 0;
    synchronized (list) {
      for (Integer i : list) sum += i;
    }
    adder.join();
    check(sum == 6 || sum == 10, "sum " + sum);
  }

  /** A method reference to notifyAll is linked by invokedynamic: it must still reach the model. */
  public static void notifyThroughMethodReference() throws InterruptedException {
    Object lock = new Object();
    Runnable wakeAll = lock::notifyAll;
    java.util.function.LongSupplier clock = System::nanoTime;
    long before = clock.getAsLong();
    Thread waiter = new Thread(() -> {
      synchronized (lock) {
        try {
          lock.wait(1000);
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      }
    });
    waiter.start();
    synchronized (lock) {
      wakeAll.run();
    }
    waiter.join();
    check(clock.getAsLong() >= before, "the virtual clock went backwards");
  }

  /** The holder idiom, first touched by a child: its first hook is inside a class initialiser. */
  public static final class Service {
    int state;

    Service() {
      state = 1;
    }
  }

  public static final class Holder {
    static final Service INSTANCE = new Service();
  }

  public static void childArrivesInsideClassInit() throws InterruptedException {
    Thread t = new Thread(() -> check(Holder.INSTANCE.state == 1, "child saw no state"));
    t.start();
    check(Holder.INSTANCE.state == 1, "main saw no state");
    t.join();
  }

  // 5. JDK 17: Thread.start() is synchronized and waits for the child inside; the child's setName
  // (also synchronized) blocks for real.
  public static void workerNamesItself() throws InterruptedException {
    Cell c = new Cell();
    Thread t = new Thread(() -> {
      Thread.currentThread().setName("worker");
      c.increment();
    });
    t.start();
    t.join();
  }

  // 6. EXHAUSTIVE: a lost update followed by a little more work per thread.
  public static void lostUpdateThenMoreWork() throws InterruptedException {
    Cell c = new Cell();
    Runnable work = () -> {
      c.increment();
      for (int i = 0; i < 8; i++) c.touch();
    };
    Thread a = new Thread(work);
    Thread b = new Thread(work);
    a.start();
    b.start();
    a.join();
    b.join();
    check(c.value == 2, "lost update: value = " + c.value);
  }

  // 7. A timed wait never times out while another thread polls with sleep.
  public static void pollWhileAnotherThreadWaitsWithTimeout() throws InterruptedException {
    Object lock = new Object();
    AtomicBoolean done = new AtomicBoolean();
    Thread poller = new Thread(() -> {
      synchronized (lock) {
        try {
          lock.wait(50);
        } catch (InterruptedException e) {
          return;
        }
      }
      done.set(true);
    });
    poller.start();
    while (!done.get()) Thread.sleep(10);
    poller.join();
  }

  // 10. Thread.yield() does not give way.
  public static void yieldGivesWay() throws InterruptedException {
    AtomicBoolean flag = new AtomicBoolean();
    Thread setter = new Thread(() -> flag.set(true));
    setter.start();
    int spins = 0;
    while (!flag.get()) {
      spins++;
      Thread.yield();
    }
    setter.join();
    check(spins < 50, "spun " + spins + " times on Thread.yield() although the setter could run");
  }

  // 11. A Thread subclass's interrupt() override runs again whenever the thread takes the baton back.
  public static class Worker extends Thread {
    final AtomicInteger interrupts;

    Worker(AtomicInteger interrupts) {
      this.interrupts = interrupts;
    }

    @Override
    public void interrupt() {
      interrupts.incrementAndGet();
      super.interrupt();
    }

    @Override
    public void run() {
      while (!isInterrupted()) Thread.onSpinWait();
    }
  }

  public static void interruptOverrideRunsOnce() throws InterruptedException {
    AtomicInteger interrupts = new AtomicInteger();
    Worker w = new Worker(interrupts);
    w.start();
    w.interrupt();
    w.join();
    check(interrupts.get() == 1, "interrupt() ran " + interrupts.get() + " times, called once");
  }

  // 12. A timed j.u.c. wait: AQS re-parks until the real deadline, every model timeout is a step.
  public static void latchAwaitTimesOut() throws InterruptedException {
    java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
    check(!latch.await(5, java.util.concurrent.TimeUnit.SECONDS), "await returned true");
  }
}
