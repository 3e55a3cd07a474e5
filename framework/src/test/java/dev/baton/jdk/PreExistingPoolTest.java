package dev.baton.jdk;

import static dev.baton.jdk.Checks.check;
import static dev.baton.jdk.JdkExplorations.finds;
import static dev.baton.jdk.JdkExplorations.findsAndReplays;
import static dev.baton.jdk.JdkExplorations.passesTheDefaultBudget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import dev.baton.Interleavings;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pool made before the exploration, with a non-daemon worker that waits for work (a test class's
 * shared executor): the schedule's tasks wake it, it joins the schedule, and it is let go at the end
 * (the scenario did not start it: the schedule does not wait for it, as the JVM would not).
 */
class PreExistingPoolTest {
  private ExecutorService pool;

  @BeforeEach
  void startAPoolOutsideBaton() throws Exception {
    pool = Executors.newFixedThreadPool(1); // its worker is not a daemon
    pool.submit(() -> {}).get(); // the worker now waits in its queue
  }

  @AfterEach
  void stopIt() {
    pool.shutdownNow();
  }

  @Test
  void aTaskOnItPassesEverySchedule() {
    ExecutorService shared = pool; // a JDK object: the same in every schedule
    passesTheDefaultBudget(() -> check(shared.submit(() -> 42).get() == 42, "wrong answer"));
  }

  @Test
  void aRaceBetweenItsWorkerAndTheScenarioIsFoundAndReplays() {
    ExecutorService shared = pool;
    InterleavingFailure failure = findsAndReplays(() -> {
      int[] hits = {0};
      Future<?> task = shared.submit(() -> hits[0]++);
      hits[0]++;
      task.get();
      check(hits[0] == 2, "lost update: hits = " + hits[0]);
    }, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessage("lost update: hits = 1");
  }

  /**
   * An exception its worker lets escape in a later schedule still fails that schedule: each
   * schedule puts the worker's own handler back when it lets the worker go, so the next one does
   * not take the last schedule's handler for the user's. (The exception kills the worker, and the
   * pool's next task starts a new one, so a replay of that schedule alone starts from another
   * pool: it is not replayed here.)
   */
  @Test
  void anExceptionEscapingItsWorkerInALaterScheduleIsReported() throws Exception {
    ExecutorService shared = pool;
    Thread worker = shared.submit(Thread::currentThread).get();
    Thread.UncaughtExceptionHandler before = worker.getUncaughtExceptionHandler();

    passesTheDefaultBudget(() -> shared.submit(() -> {}).get());
    assertThat(worker.getUncaughtExceptionHandler()).as("its own handler is back").isSameAs(before);

    int[] schedule = {0};
    InterleavingFailure failure = finds(Interleavings.configure().seed(7), () -> {
      boolean third = ++schedule[0] >= 3; // a JDK array: the same in every schedule
      shared.execute(() -> {
        if (third) throw new IllegalStateException("escaped the worker");
      });
      Thread.sleep(10);
    });
    assertThat(failure.getCause()).hasMessage("escaped the worker");
    assertThat(failure.schedule()).isEqualTo(3);
  }
}
