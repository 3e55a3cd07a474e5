package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A constructor's accesses to an object no other thread can see yet are no scheduling points; every
 * way for the object to escape first still leaves the bug it causes to be found (EXHAUSTIVE, so that
 * "found" does not depend on luck), a correct constructor is not reported, and the points saved
 * show in the steps of a schedule.
 */
class UnpublishedThisExplorationTest {

  private static Interleavings.Options exhaustive() {
    return Interleavings.configure().strategy(Strategy.EXHAUSTIVE).schedules(2_000)
        .maxPreemptions(2).shrink(0, Duration.ofSeconds(1));
  }

  private static InterleavingFailure failureOf(Class<? extends Scenario> scenario) {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> UnpublishedThisRuleSwitch.explore(scenario, true, exhaustive()));
    assertThat(failure).as(scenario.getSimpleName() + " must be found").isNotNull();
    return failure;
  }

  @Test
  void anObjectPublishedInItsConstructorBeforeAWriteIsStillFound() {
    assertThat(failureOf(EscapeScenarios.PublishedBeforeWrite.class).kind())
        .isEqualTo(InterleavingFailure.Kind.EXCEPTION);
  }

  @Test
  void aListenerRegisteredInItsConstructorBeforeAWriteIsStillFound() {
    assertThat(failureOf(EscapeScenarios.ListenerBeforeWrite.class).kind())
        .isEqualTo(InterleavingFailure.Kind.EXCEPTION);
  }

  @Test
  void aSuperclassConstructorThatLeaksTheObjectIsStillFound() {
    assertThat(failureOf(EscapeScenarios.SuperclassLeak.class).kind())
        .isEqualTo(InterleavingFailure.Kind.EXCEPTION);
  }

  @Test
  void aLeakInsideAConstructorLoopIsStillFound() {
    assertThat(failureOf(EscapeScenarios.LoopLeak.class).kind())
        .isEqualTo(InterleavingFailure.Kind.EXCEPTION);
  }

  @Test
  void aThreadStartedInTheConstructorSeesTheUnfinishedObject() {
    assertThat(failureOf(EscapeScenarios.ThreadStartedInConstructor.class).kind())
        .isEqualTo(InterleavingFailure.Kind.EXCEPTION);
  }

  @Test
  void anObjectPublishedAfterItsWritesIsNotReported() {
    ExplorationResult result = UnpublishedThisRuleSwitch.explore(
        EscapeScenarios.PublishedAfterWrite.class, true, exhaustive());

    assertThat(result.complete()).isTrue();
  }

  @Test
  void theWritesOfAConstructorThatLeaksNothingAreNoLongerPoints() {
    Interleavings.Options options =
        Interleavings.configure().strategy(Strategy.RANDOM).seed(7).schedules(3);
    ExplorationResult without =
        UnpublishedThisRuleSwitch.explore(EscapeScenarios.ManyPoints.class, false, options);
    ExplorationResult with =
        UnpublishedThisRuleSwitch.explore(EscapeScenarios.ManyPoints.class, true, options);

    // two threads build ManyPoints.POINTS points of three fields each, in each of 3 schedules
    long saved = 3L * 2 * EscapeScenarios.ManyPoints.POINTS * 3;
    assertThat(without.coverage().steps() - with.coverage().steps()).isEqualTo(saved);
  }
}
