package dev.baton.samples.reallibs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Strategy;
import org.apache.commons.pool.impl.GenericObjectPool;
import org.junit.jupiter.api.Test;

/**
 * Commons Pool 1.5.4, POOL-189: Baton finds the borrower left waiting forever on a closed pool
 * with PCT, and the token replays it. {@code fixed.CommonsPoolFixedCloseTest} runs the same
 * scenario against 1.6.
 *
 * <p>Why PCT: the borrower must run about a dozen steps (into the wait) before the main thread's
 * first step of {@code close}, which sets the closed flag. RANDOM flips a coin at each step, so
 * it gets there in about one schedule in 4000 and its 1000 default schedules miss it; PCT gives
 * the borrower the higher priority in every other schedule, and it runs until it waits.
 */
class CommonsPoolCloseDeadlockTest {

  @Test
  void batonFindsTheBorrowerThatCloseNeverWakes() {
    Releases.requireBuggy(GenericObjectPool.class, "1.5.4");

    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(Strategy.PCT)
            .explore(CommonsPoolScenarios::closeWhileABorrowerWaits));

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
