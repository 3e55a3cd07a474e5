package dev.baton.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link PctPolicy} keeps strict priorities while the running thread could go on, but a thread that
 * gives way (a yield, a spin wait) hands over to any thread that can run: by priorities alone two
 * spinning threads would hand over to each other for ever.
 */
class PctPolicyTest {
  private final ThreadView spinner = new TestThread(0, new Thread());
  private final ThreadView other = new TestThread(1, new Thread());
  private final ThreadView holder = new TestThread(2, new Thread());

  @Test
  void aThreadThatGivesWayHandsOverToEveryOtherInTurn() {
    PctPolicy pct = new PctPolicy(5, 3);
    pct.beginSchedule(0);
    boolean[] picked = new boolean[2];
    for (int step = 1; step <= 60; step++) {
      // `spinner` can run but left the choice to the others: it is not among the options
      picked[pct.pickThread(new ThreadView[] {other, holder}, 2, 0, spinner, step)] = true;
    }
    assertThat(picked).containsOnly(true);
  }

  @Test
  void aRunningThreadThatCouldGoOnIsChosenByPriorityAlone() {
    PctPolicy pct = new PctPolicy(5, 2);
    pct.beginSchedule(0);
    pct.endSchedule(10_000); // change points spread over 10,000 steps: none in the first 60
    pct.beginSchedule(1);
    int first = pct.pickThread(new ThreadView[] {spinner, other, holder}, 3, 0, spinner, 1);
    for (int step = 2; step <= 60; step++) {
      int pick = pct.pickThread(new ThreadView[] {spinner, other, holder}, 3, 0, spinner, step);
      assertThat(pick).as("step %d", step).isEqualTo(first);
    }
  }
}
