package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Interleavings;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An exploration with {@code baton.parallelism} whose caller is interrupted (a JUnit timeout, a
 * cancelled build) stops its workers before it returns: none runs on with the hooks of the next
 * exploration.
 */
class ParallelInterruptTest {

  @Test
  void anInterruptedParallelExplorationLeavesNoWorkerRunning() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        Interleavings.configure().schedules(1_000_000).seed(7).parallelism(2)
            .explore(ShardingTest::casRetries);
      } catch (Throwable t) {
        thrown.set(t);
      }
    }, "interrupted-caller");
    caller.start();
    Thread.sleep(1_500);
    caller.interrupt();
    caller.join(30_000);
    assertThat(caller.isAlive()).as("the exploration returned once interrupted").isFalse();
    assertThat(thrown.get()).hasMessageContaining("interrupted");
    // Nothing of it runs on once it returned.
    assertThat(explorerThreads()).as("explorer threads still alive").isZero();
  }

  private static long explorerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("baton-explorer-") && t.isAlive())
        .count();
  }
}
