package dev.baton.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A thread's cycle of states, and whether what it reads is still what it saw. */
class ThreadCycleTest {
  private static final int READ_TURN = 1;
  private static final int YIELD = 2;
  private final Object ring = new Object();

  /** A spin loop: read {@code turn} (it says 3), yield; {@code times} rounds. */
  private ThreadCycle spinning(int times) {
    ThreadCycle cycle = new ThreadCycle();
    long step = 0;
    for (int i = 0; i < times; i++) {
      cycle.add(READ_TURN, ring, 0, 3, step++);
      cycle.add(YIELD, null, 0, null, step++);
    }
    return cycle;
  }

  @Test
  void aSpinLoopRepeatsItsCycleOfTwoSteps() {
    ThreadCycle cycle = spinning(10);
    assertThat(cycle.period()).isEqualTo(2);
    assertThat(cycle.repeated()).isGreaterThan(10);
  }

  @Test
  void itStillSeesTheSameWhileNothingItReadsChanged() {
    Map<Integer, Object> memory = new HashMap<>(Map.of(READ_TURN, 3));
    ThreadCycle.ValueNow now =
        (site, object, index) -> site == YIELD ? ThreadCycle.NOT_MEMORY : memory.get(site);

    ThreadCycle cycle = spinning(10);

    assertThat(cycle.seesTheSameNow(now)).isTrue();
    memory.put(READ_TURN, 4); // another thread passed the turn while this one did not run
    assertThat(cycle.seesTheSameNow(now)).isFalse();
    memory.put(READ_TURN, SiteValues.UNKNOWN);
    assertThat(cycle.seesTheSameNow(now)).as("what cannot be read is not known unchanged").isFalse();
  }

  @Test
  void aThreadInNoCycleIsNotStuck() {
    ThreadCycle cycle = new ThreadCycle();
    cycle.add(READ_TURN, ring, 0, 3, 0);
    assertThat(cycle.seesTheSameNow((site, object, index) -> 3)).isFalse();
  }
}
