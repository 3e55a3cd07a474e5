package dev.baton.samples.reallibs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import org.apache.commons.pool.impl.GenericObjectPool;
import org.junit.jupiter.api.Test;

/**
 * Commons Pool 1.5.4, POOL-189: Baton finds the borrower left waiting forever on a closed pool
 * at its defaults, and the token replays it. {@code fixed.CommonsPoolFixedCloseTest} runs the same
 * scenario against 1.6.
 *
 * <p>The borrower must run about a dozen steps (into the wait) before the main thread's first
 * step of {@code close}, which sets the closed flag. RANDOM alone flips a coin at each step, so it
 * gets there in about one schedule in 4000 and would miss it in 1000 schedules; the default
 * PORTFOLIO's PCT turns give the borrower the higher priority in half their schedules, and it runs
 * until it waits: found within the first six schedules for every seed tried.
 */
class CommonsPoolCloseDeadlockTest {

  @Test
  void batonFindsTheBorrowerThatCloseNeverWakes() {
    Releases.requireBuggy(GenericObjectPool.class, "1.5.4");

    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.explore(CommonsPoolScenarios::closeWhileABorrowerWaits));

    assertThat(failure).as("Baton should find POOL-189").isNotNull();
    System.out.println("[commons-pool 1.5.4] " + failure.getMessage());
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
    assertThat(failure.getMessage()).contains("borrower").contains("GenericObjectPool.borrowObject")
        .contains("-Dbaton.replay=" + failure.replayToken());

    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(failure.replayToken())
            .explore(CommonsPoolScenarios::closeWhileABorrowerWaits));
    assertThat(replayed).as("the replay should hang the borrower too").isNotNull();
    assertThat(replayed.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
    assertThat(replayed.schedule()).isEqualTo(failure.schedule());
    assertThat(replayed.trace()).isEqualTo(failure.trace());
  }
}
