package dev.baton.jdk;

import static dev.baton.jdk.Checks.check;
import static dev.baton.jdk.Checks.millisSince;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;

/**
 * {@code TimeUnit.sleep}, {@code timedWait} and {@code timedJoin}: the JDK makes these calls for
 * its caller ({@code Thread.sleep}, {@code Object.wait}, {@code Thread.join} inside {@code
 * TimeUnit}), so they must behave exactly as the caller's own would.
 */
final class TimeUnitScenarios {
  private TimeUnitScenarios() {}

  /** A flag guarded by its own monitor. */
  static final class Box {
    boolean ready;
  }

  /** Starts a thread that sets the box's flag under its monitor and notifies. */
  private static Thread startSetter(Box box) {
    Thread setter = new Thread(() -> {
      synchronized (box) {
        box.ready = true;
        box.notifyAll();
      }
    }, "setter");
    setter.start();
    return setter;
  }

  /** Sleeps move the virtual clock by their length and cost no real time, 15 s included. */
  static void sleepsMoveTheVirtualClock() throws Exception {
    long start = System.nanoTime();
    MILLISECONDS.sleep(500);
    check(millisSince(start) >= 500, "MILLISECONDS.sleep(500) took " + millisSince(start) + " ms");
    Thread sleeper = new Thread(() -> {
      try {
        SECONDS.sleep(15);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }, "sleeper");
    sleeper.start();
    sleeper.join();
    check(millisSince(start) >= 15_500, "SECONDS.sleep(15) in a thread took " + millisSince(start));
  }

  /** The textbook guarded block, with {@code timedWait}: correct, whoever runs first. */
  static void guardedBlockWithTimedWait() throws Exception {
    Box box = new Box();
    Thread setter = startSetter(box);
    synchronized (box) {
      while (!box.ready) SECONDS.timedWait(box, 5);
    }
    setter.join();
  }

  /**
   * The same wait without its loop, and a short deadline: when the waiter gets there first and
   * the deadline fires before the setter runs, it goes on without the flag.
   */
  static void timedWaitThatGivesUp() throws Exception {
    Box box = new Box();
    Thread setter = startSetter(box);
    synchronized (box) {
      if (!box.ready) MILLISECONDS.timedWait(box, 100);
      check(box.ready, "gave up waiting for the flag after 100 ms");
    }
    setter.join();
  }

  /** A worker that sets a flag as its last act. */
  private static final class Worker extends Thread {
    boolean done;

    Worker() {
      super("worker");
    }

    @Override
    public void run() {
      done = true;
    }
  }

  /** {@code timedJoin} with a deadline the worker meets: the join sees its last write. */
  static void timedJoinOfAWorkerThatEnds() throws Exception {
    Worker worker = new Worker();
    worker.start();
    SECONDS.timedJoin(worker, 5);
    check(worker.done, "timedJoin(5 s) returned before the worker ended");
  }

  /** {@code timedJoin} of 1 ms: the deadline may fire first, and the result is read anyway. */
  static void timedJoinThatGivesUp() throws Exception {
    Worker worker = new Worker();
    worker.start();
    MILLISECONDS.timedJoin(worker, 1);
    check(worker.done, "read the worker's result after timedJoin(1 ms) gave up");
    worker.join();
  }
}
