package dev.baton.jdk;

import static dev.baton.jdk.JdkExplorations.findsAndReplays;
import static dev.baton.jdk.JdkExplorations.passesTheDefaultBudget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import org.junit.jupiter.api.Test;

/** CyclicBarrier, Phaser and Exchanger. */
class SynchronizersTest {

  @Test
  void cyclicBarrierSeparatesThePhases() {
    passesTheDefaultBudget(SynchronizerScenarios::cyclicBarrierSeparatesThePhases);
  }

  @Test
  void cyclicBarrierIsReusedAcrossRounds() {
    passesTheDefaultBudget(SynchronizerScenarios::cyclicBarrierIsReusedAcrossRounds);
  }

  @Test
  void phaserSeparatesThePhases() {
    passesTheDefaultBudget(SynchronizerScenarios::phaserSeparatesThePhases);
  }

  @Test
  void exchangerSwapsBuffers() {
    passesTheDefaultBudget(SynchronizerScenarios::exchangerSwapsBuffers);
  }

  @Test
  void findsAnIterationMissingTheSecondBarrierOfARound() {
    InterleavingFailure failure = findsAndReplays(
        SynchronizerScenarios::cyclicBarrierMissingTheSecondBarrierOfARound, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessageMatching("worker [01] read round 2 in round 1");
    assertThat(failure.getMessage()).contains("call CyclicBarrier.await");
  }

  @Test
  void findsABarrierThatWaitsForAPartyThatNeverComes() {
    InterleavingFailure failure =
        findsAndReplays(SynchronizerScenarios::cyclicBarrierWithTooManyParties, Kind.DEADLOCK);
    assertThat(failure.getMessage())
        .contains("deadlock")
        .containsPattern("main waits to join thread-\\d")
        .contains("call CyclicBarrier.await")
        .containsPattern("thread-1 waits for Condition#\\d, at SynchronizerScenarios\\S+, in CyclicBarrier.await")
        .containsPattern("thread-2 waits for Condition#\\d, at SynchronizerScenarios\\S+, in CyclicBarrier.await");
  }

  @Test
  void findsAPhaserArriveThatDoesNotWait() {
    InterleavingFailure failure =
        findsAndReplays(SynchronizerScenarios::phaserArriveWithoutAwaiting, Kind.EXCEPTION);
    assertThat(failure.getCause())
        .hasMessageMatching("worker [01] read the other half before it was filled");
    assertThat(failure.getMessage()).contains("call Phaser.arrive");
  }

  @Test
  void findsAThirdPartyLeftWaitingAtAnExchanger() {
    InterleavingFailure failure =
        findsAndReplays(SynchronizerScenarios::exchangerWithThreeParties, Kind.DEADLOCK);
    assertThat(failure.getMessage()).contains("deadlock").contains("call Exchanger.exchange");
  }
}
