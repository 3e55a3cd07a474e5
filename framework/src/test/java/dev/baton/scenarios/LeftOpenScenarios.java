package dev.baton.scenarios;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scenarios that end leaving a JDK-run thread idle: a pool never shut down, a timer never
 * cancelled. Commons Pool 2's own tests do both; the thread that is left waits in JDK code only.
 */
public final class LeftOpenScenarios {
  private LeftOpenScenarios() {}

  /** The pool's worker finishes its task and waits in the pool's queue for the next one. */
  public static void poolNeverShutDown() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<?> done = pool.submit(() -> {});
    done.get();
  }

  /** The timer's thread runs its task and waits in the timer's queue for the next one. */
  public static void timerNeverCancelled() throws Exception {
    Timer timer = new Timer();
    timer.schedule(new TimerTask() {
      @Override
      public void run() {}
    }, 0);
    Thread.sleep(10);
  }
}
