package dev.baton.samples.reallibs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import org.junit.jupiter.api.Test;

/**
 * Log4j 1.2.17, bug 41214: Baton finds the deadlock between log4j's monitors and the monitor of a
 * logged object at its defaults, the token replays it, and the documented workaround passes.
 */
class Log4jDeadlockTest {

  @Test
  void batonFindsTheDeadlockBetweenTheCategoryAndTheLoggedObject() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.explore(Log4jScenarios::logAccountWhileDepositing));

    assertThat(failure).as("Baton should find bug 41214").isNotNull();
    System.out.println("[log4j] " + failure.getMessage());
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
    assertThat(failure.getMessage())
        .contains("reporter").contains("depositor")
        .contains("-Dbaton.replay=" + failure.replayToken());

    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(failure.replayToken())
            .explore(Log4jScenarios::logAccountWhileDepositing));
    assertThat(replayed).as("the replay should deadlock too").isNotNull();
    assertThat(replayed.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
    assertThat(replayed.schedule()).isEqualTo(failure.schedule());
    assertThat(replayed.trace()).isEqualTo(failure.trace());
  }

  /** 200 schedules (an explicit budget; the defaults' 1000 take half a minute here) pass. */
  @Test
  void renderingTheMessageBeforeLoggingNeverDeadlocksAndLogsBoth() {
    ExplorationResult result = Interleavings.configure().schedules(200).explore(() -> {
      String log = Log4jScenarios.logRenderedAccountWhileDepositing();
      assertThat(log).contains("deposited 10").containsPattern("account\\(balance=(0|10)\\)");
    });
    assertThat(result.schedules()).isEqualTo(200);
  }
}
