package dev.baton.jdk;

import static dev.baton.jdk.Checks.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Observable;
import java.util.Observer;
import java.util.Stack;
import java.util.Vector;
import java.util.concurrent.atomic.AtomicReference;

/**
 * JDK classes that lock an object the scenario can lock too: {@code synchronized} JDK methods
 * ({@code Observable}, {@code Vector}, {@code StringBuffer}) and {@code synchronized} blocks in JDK
 * code ({@code Collections.synchronizedList}'s mutex, {@code Vector}'s iterator); and the way
 * back into a monitor out of {@code Object.wait}.
 */
@SuppressWarnings("deprecation") // Observable: deprecated, still widely used
final class JdkMonitorScenarios {
  private JdkMonitorScenarios() {}

  /** A user subclass: its calls name the subclass, and reach Observable's synchronized methods. */
  static final class Model extends Observable {
    void change() {
      setChanged();
      notifyObservers();
    }
  }

  private static final Observer IGNORE = (o, arg) -> { };

  /**
   * While the main thread holds the observable's monitor, another thread's {@code addObserver}
   * (a synchronized JDK method) must wait: the count read twice under the lock cannot change.
   */
  static void observerCountIsStableUnderTheObservablesLock() throws InterruptedException {
    Observable observable = new Observable();
    Thread adder = new Thread(() -> observable.addObserver(IGNORE));
    adder.start();
    synchronized (observable) {
      int before = observable.countObservers();
      Thread.yield();
      int after = observable.countObservers();
      check(before == after, "countObservers went from " + before + " to " + after
          + " while the main thread held the observable's monitor");
    }
    adder.join();
  }

  /**
   * Lock-order deadlock through a JDK synchronized method: one thread holds {@code registry} and
   * calls {@code model.deleteObserver} (locks the model), the other holds the model and takes
   * {@code registry}.
   */
  static void observableLockOrderDeadlock() throws InterruptedException {
    Model model = new Model();
    Object registry = new Object();
    model.addObserver(IGNORE);
    Thread unsubscriber = new Thread(() -> {
      synchronized (registry) {
        model.deleteObserver(IGNORE);
      }
    });
    unsubscriber.start();
    synchronized (model) {
      synchronized (registry) {
        model.change();
      }
    }
    unsubscriber.join();
  }

  /** Two appends under the buffer's own lock stay together: another thread's append waits. */
  static void stringBufferAppendsUnderItsLockStayTogether() throws InterruptedException {
    StringBuffer buffer = new StringBuffer();
    Thread other = new Thread(() -> buffer.append('x'));
    other.start();
    synchronized (buffer) {
      buffer.append('a');
      Thread.yield();
      buffer.append('b');
    }
    other.join();
    String s = buffer.toString();
    check(s.equals("abx") || s.equals("xab"), "buffer " + s);
  }

  /** The Javadoc idiom for Vector: iterate under its lock while another thread adds. */
  static void iterateVectorUnderItsLock() throws InterruptedException {
    Vector<Integer> vector = new Vector<>(List.of(1, 2, 3));
    Thread adder = new Thread(() -> vector.add(0, 4));
    adder.start();
    int sum = 0;
    synchronized (vector) {
      for (Integer i : vector) sum += i;
    }
    adder.join();
    check(sum == 6 || sum == 10, "sum " + sum);
  }

  /** A check-then-act on a Stack made atomic by its own lock: never pops an empty stack. */
  static void stackCheckThenActUnderItsLock() throws InterruptedException {
    Stack<Integer> stack = new Stack<>();
    stack.push(1);
    Runnable popIfAny = () -> {
      synchronized (stack) {
        if (!stack.isEmpty()) stack.pop();
      }
    };
    Thread other = new Thread(popIfAny);
    other.start();
    popIfAny.run();
    other.join();
    check(stack.isEmpty(), "stack " + stack);
  }

  /** A synchronized list: additions from two threads and an iteration under its lock. */
  static void synchronizedListWithUserLockedIteration() throws InterruptedException {
    List<Integer> list = Collections.synchronizedList(new ArrayList<>());
    Thread a = new Thread(() -> list.add(1));
    Thread b = new Thread(() -> list.add(2));
    a.start();
    b.start();
    int seen;
    synchronized (list) {
      seen = 0;
      for (Integer ignored : list) seen++;
      check(seen == list.size(), "iterated " + seen + " of " + list.size());
    }
    a.join();
    b.join();
    check(list.size() == 2, "size " + list.size());
  }

  /** How a scenario wakes a thread out of {@code monitor.wait}, holding {@code monitor}. */
  @FunctionalInterface
  private interface Wake {
    void wake(Thread waiter, Object monitor);
  }

  /**
   * A waiter woken out of {@code wait} while the main thread holds the monitor waits to re-enter
   * it: BLOCKED, as the {@code Thread.State} javadoc says, so the main thread's loop until it is
   * ends. Before it is woken it is (TIMED_)WAITING. {@code timeoutMillis} is its {@code wait}'s.
   */
  private static void wokenWaiterIsBlocked(long timeoutMillis, Wake wake)
      throws InterruptedException {
    Object monitor = new Object();
    boolean[] done = new boolean[1];
    AtomicReference<String> outcome = new AtomicReference<>("still waiting");
    Thread waiter = new Thread(() -> {
      synchronized (monitor) {
        try {
          while (!done[0]) monitor.wait(timeoutMillis);
          outcome.set("returned");
        } catch (InterruptedException e) {
          outcome.set("interrupted");
        }
      }
    });
    waiter.start();
    Thread.State waiting = timeoutMillis == 0 ? Thread.State.WAITING : Thread.State.TIMED_WAITING;
    while (waiter.getState() != waiting) Thread.yield();
    synchronized (monitor) {
      // Only an untimed wait is sure to be waiting still: a timed one may have timed out already.
      if (timeoutMillis == 0) check(waiter.getState() == waiting, "not woken, but " + waiter.getState());
      done[0] = true;
      wake.wake(waiter, monitor);
      while (waiter.getState() != Thread.State.BLOCKED) Thread.yield();
    }
    waiter.join();
    check(!outcome.get().equals("still waiting"), "the waiter " + outcome.get());
  }

  /** An interrupt wakes the waiter while the main thread holds the monitor. */
  static void interruptedWaiterIsBlockedUntilItReentersTheMonitor() throws InterruptedException {
    wokenWaiterIsBlocked(0, (waiter, monitor) -> waiter.interrupt());
  }

  /** A notify wakes the waiter while the main thread holds the monitor. */
  static void notifiedWaiterIsBlockedUntilItReentersTheMonitor() throws InterruptedException {
    wokenWaiterIsBlocked(0, (waiter, monitor) -> monitor.notify());
  }

  /** The waiter's {@code wait(10)} times out while the main thread holds the monitor. */
  static void timedOutWaiterIsBlockedUntilItReentersTheMonitor() throws InterruptedException {
    wokenWaiterIsBlocked(10, (waiter, monitor) -> { });
  }

  /**
   * Main fills a synchronized list alone, then two threads each add to it and bump a plain
   * counter: a lost update. The JDK's own locking while main was alone cannot interleave with
   * anything, and the trace leaves it out; the threads' locking stays.
   */
  static void synchronizedListFilledAloneThenShared() throws InterruptedException {
    List<Integer> list = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 5; i++) list.add(i);
    int[] count = {0};
    Runnable addAndCount = () -> {
      list.add(9);
      count[0]++;
    };
    Thread a = new Thread(addAndCount, "a");
    Thread b = new Thread(addAndCount, "b");
    a.start();
    b.start();
    a.join();
    b.join();
    check(count[0] == 2, "lost update: count = " + count[0]);
  }
}
