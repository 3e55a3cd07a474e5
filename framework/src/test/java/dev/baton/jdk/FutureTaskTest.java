package dev.baton.jdk;

import static dev.baton.jdk.JdkExplorations.findsAndReplays;
import static dev.baton.jdk.JdkExplorations.passesTheDefaultBudget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import org.junit.jupiter.api.Test;

/** FutureTask: runs once, publishes its result, and cancellation races with running. */
class FutureTaskTest {

  @Test
  void aTaskRunByTwoThreadsRunsOnce() {
    passesTheDefaultBudget(FutureTaskScenarios::taskRunByTwoThreadsRunsOnce);
  }

  @Test
  void cancelAndGetAgree() {
    passesTheDefaultBudget(FutureTaskScenarios::cancelAndGetAgree);
  }

  @Test
  void findsACancelledTaskThatHadAlreadyTakenEffect() {
    InterleavingFailure failure = findsAndReplays(
        FutureTaskScenarios::cancelledTaskHadAlreadyChargedTheCard, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessage("the payment was cancelled, but the card was charged");
    assertThat(failure.getMessage()).contains("call FutureTask.cancel");
  }
}
