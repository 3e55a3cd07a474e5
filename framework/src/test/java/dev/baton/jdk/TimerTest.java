package dev.baton.jdk;

import static dev.baton.jdk.JdkExplorations.findsAndReplays;
import static dev.baton.jdk.JdkExplorations.passesTheDefaultBudget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import org.junit.jupiter.api.Test;

/**
 * {@code java.util.Timer} runs under control: its thread's waits and the queue's monitor are
 * modelled, its deadlines pass on the virtual clock, and races in a {@code TimerTask} are found.
 */
class TimerTest {

  @Test
  void aTaskAndTheMainThreadSharingALockPass() {
    passesTheDefaultBudget(TimerScenarios::taskAndMainThreadShareALock);
  }

  @Test
  void aDelayedTaskRacingItsCancellationPasses() {
    passesTheDefaultBudget(TimerScenarios::delayedTaskRacesItsCancellation);
  }

  @Test
  void aPeriodicTaskStopsAfterCancel() {
    passesTheDefaultBudget(TimerScenarios::periodicTaskStopsAfterCancel);
  }

  @Test
  void findsAndReplaysALostUpdateBetweenATaskAndTheMainThread() {
    InterleavingFailure failure =
        findsAndReplays(TimerScenarios::taskAndMainThreadRaceOnAField, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessage("lost update: count 1");
    assertThat(failure.getMessage()).contains("TimerScenarios");
  }
}
