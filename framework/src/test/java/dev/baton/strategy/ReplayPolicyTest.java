package dev.baton.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A strict {@link ReplayPolicy} follows its token exactly; past the token's end it keeps the running
 * thread for a bounded while and says so (a recursion may run deeper in the replay than when it was
 * found), and anything else that does not match is a divergence.
 */
class ReplayPolicyTest {
  private final ThreadView a = new TestThread(0, new Thread());
  private final ThreadView b = new TestThread(1, new Thread());

  @Test
  void followsTheTokenAndSaysNothingWhileItLasts() {
    ReplayPolicy replay = new ReplayPolicy(new int[] {1, 0, 1}, true);
    replay.beginSchedule(0);
    assertThat(replay.pickThread(new ThreadView[] {a, b}, 2, 0, a, 1)).isEqualTo(1);
    assertThat(replay.pickThread(new ThreadView[] {a, b}, 2, 0, b, 2)).isEqualTo(0);
    assertThat(replay.pickThread(new ThreadView[] {a, b}, 2, 0, a, 3)).isEqualTo(1);
    assertThat(replay.overran()).isNull();
    assertThat(replay.unused()).isZero();
  }

  @Test
  void aChoiceTheCodeNoLongerOffersIsADivergence() {
    ReplayPolicy replay = new ReplayPolicy(new int[] {1}, true);
    replay.beginSchedule(0);
    assertThatThrownBy(() -> replay.pickThread(new ThreadView[] {a}, 1, 0, a, 1))
        .isInstanceOf(ReplayPolicy.Divergence.class)
        .hasMessageContaining("the token chose thread #1");
  }

  @Test
  void pastTheTokenTheRunningThreadGoesOnForABoundedWhileAndTheOverrunIsRemembered() {
    ReplayPolicy replay = new ReplayPolicy(new int[] {1, 1}, true);
    replay.beginSchedule(0);
    replay.pickThread(new ThreadView[] {a, b}, 2, 0, b, 1);
    replay.pickThread(new ThreadView[] {a, b}, 2, 0, b, 2);
    for (int step = 3; step < 10_003; step++) {
      assertThat(replay.pickThread(new ThreadView[] {a, b}, 2, 0, b, step)).isEqualTo(1);
    }
    assertThat(replay.overran()).contains("choice 3", "the token's 2 choices were used up");
    assertThatThrownBy(() -> replay.pickThread(new ThreadView[] {a, b}, 2, 0, b, 10_003))
        .isInstanceOf(ReplayPolicy.Divergence.class);

    replay.beginSchedule(1);
    assertThat(replay.overran()).as("a new schedule starts clean").isNull();
  }

  @Test
  void pastTheTokenAThreadOtherThanTheRunningOneIsADivergence() {
    ReplayPolicy replay = new ReplayPolicy(new int[] {1}, true);
    replay.beginSchedule(0);
    replay.pickThread(new ThreadView[] {a, b}, 2, 0, b, 1);
    // b blocked: only a can run, and the token has nothing to say about it
    assertThatThrownBy(() -> replay.pickThread(new ThreadView[] {a}, 1, 0, b, 2))
        .isInstanceOf(ReplayPolicy.Divergence.class)
        .hasMessageContaining("were used up");
  }
}
