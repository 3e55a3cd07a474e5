package dev.baton.samples.reallibs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import org.apache.commons.pool.impl.GenericObjectPool;
import org.junit.jupiter.api.Test;

/**
 * Commons Pool 1.5.4, POOL-184: the evictor, on the pool's own {@code java.util.Timer} thread,
 * tests the idle connection while a borrower arrives; the borrower waits, and the evictor puts
 * the connection back without waking it. The borrower then waits forever while the Timer keeps
 * running, so the schedule never ends: Baton stops it at an explicit step budget (the default, 10
 * million steps, takes half a minute to reach here) and the token replays it. {@code
 * fixed.CommonsPoolFixedEvictorTest} runs the same scenario against 1.6.
 */
class CommonsPoolEvictorStarvationTest {
  /** Steps after which a schedule counts as not terminating; a passing one takes about 1500. */
  static final int MAX_STEPS = 20_000;

  @Test
  void batonFindsTheBorrowerThatTheEvictorLeavesWaiting() {
    Releases.requireBuggy(GenericObjectPool.class, "1.5.4");

    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().maxSteps(MAX_STEPS)
            .explore(CommonsPoolScenarios::borrowWhileTheEvictorTestsTheIdleObject));

    assertThat(failure).as("Baton should find POOL-184").isNotNull();
    System.out.println("[commons-pool 1.5.4, evictor] " + failure.getMessage());
    assertThat(failure.getMessage()).contains("Timer-").contains("not to terminate")
        .contains("at java.util.TimerThread.run");

    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().maxSteps(MAX_STEPS).replay(failure.replayToken())
            .explore(CommonsPoolScenarios::borrowWhileTheEvictorTestsTheIdleObject));
    assertThat(replayed).as("the replay should starve the borrower too").isNotNull();
    assertThat(replayed.kind()).isEqualTo(failure.kind());
    // Not the whole trace: the two runs are cut at the step budget a few hundred Timer steps
    // apart, so only the tails of their bounded traces differ (noted in the module's README).
    assertThat(replayed.getMessage()).contains("Timer-").contains("not to terminate")
        .contains("at java.util.TimerThread.run");
  }
}
