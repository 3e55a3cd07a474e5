package dev.baton.jdk;

import static dev.baton.jdk.Checks.check;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code java.util.Timer}: its thread waits on the timer's queue inside the JDK ({@code
 * TimerThread.mainLoop}), with a deadline for delayed tasks.
 */
final class TimerScenarios {
  private TimerScenarios() {}

  /** Counts in a plain field: increments from two threads race unless something orders them. */
  static final class Tally {
    int count;
  }

  /** A task and the main thread each add under the tally's lock: never a lost update. */
  static void taskAndMainThreadShareALock() throws InterruptedException {
    Tally tally = new Tally();
    CountDownLatch ran = new CountDownLatch(1);
    Timer timer = new Timer("tally-timer");
    timer.schedule(task(() -> {
      synchronized (tally) {
        tally.count++;
      }
      ran.countDown();
    }), 0);
    synchronized (tally) {
      tally.count++;
    }
    ran.await();
    timer.cancel();
    synchronized (tally) {
      check(tally.count == 2, "count " + tally.count);
    }
  }

  /** The seeded race: the task and the main thread add without a lock. */
  static void taskAndMainThreadRaceOnAField() throws InterruptedException {
    Tally tally = new Tally();
    CountDownLatch ran = new CountDownLatch(1);
    Timer timer = new Timer("tally-timer");
    timer.schedule(task(() -> {
      tally.count++;
      ran.countDown();
    }), 0);
    tally.count++;
    ran.await();
    timer.cancel();
    check(tally.count == 2, "lost update: count " + tally.count);
  }

  /**
   * A delayed task, cancelled by the main thread: it runs at most once (the deadline passes on the
   * virtual clock), and {@code cancel()}'s answer says whether it still had to run.
   */
  static void delayedTaskRacesItsCancellation() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    Timer timer = new Timer("delay-timer", true);
    TimerTask task = task(runs::incrementAndGet);
    timer.schedule(task, 50);
    Thread.sleep(50);
    boolean prevented = task.cancel();
    timer.cancel();
    timer.purge();
    int seen = runs.get();
    check(seen <= 1, "ran " + seen + " times");
    check(!prevented || seen == 0, "cancel() prevented a run that happened");
  }

  /** A periodic task stops for good once the timer is cancelled and its last run is over. */
  static void periodicTaskStopsAfterCancel() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch twice = new CountDownLatch(2);
    Timer timer = new Timer("periodic-timer");
    timer.scheduleAtFixedRate(task(() -> {
      runs.incrementAndGet();
      twice.countDown();
    }), 0, 10);
    twice.await();
    timer.cancel();
    check(runs.get() >= 2, "runs " + runs.get());
  }

  private static TimerTask task(Runnable body) {
    return new TimerTask() {
      @Override
      public void run() {
        body.run();
      }
    };
  }
}
