package dev.baton.jdk;

import static dev.baton.jdk.JdkExplorations.findsAndReplays;
import static dev.baton.jdk.JdkExplorations.passesTheDefaultBudget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import org.junit.jupiter.api.Test;

/** ScheduledThreadPoolExecutor: schedule with a delay, scheduleAtFixedRate and cancel. */
class ScheduledExecutorTest {

  @Test
  void aDelayedTaskRunsAfterItsDelayOnTheVirtualClock() {
    passesTheDefaultBudget(ScheduledExecutorScenarios::scheduleRunsTheTaskAfterItsDelay);
  }

  @Test
  void aFixedRateTaskTicksUntilCancelled() {
    passesTheDefaultBudget(ScheduledExecutorScenarios::fixedRateTicksUntilCancelled);
  }

  @Test
  void findsATickThatRunsAfterCancel() {
    InterleavingFailure failure = findsAndReplays(
        ScheduledExecutorScenarios::cancelDoesNotWaitForTheTickInProgress, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessageMatching("reported (\\d+) ticks at cancel\\(\\), but \\d+ ran");
  }
}
