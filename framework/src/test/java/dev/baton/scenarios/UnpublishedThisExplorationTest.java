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
 * Accesses to an object no other thread can see yet (a constructor's own, a method's new objects
 * and arrays) are no scheduling points; every way for the object to escape first still leaves the
 * bug it causes to be found (EXHAUSTIVE, so that "found" does not depend on luck), correct code is
 * not reported, and the points saved show in the steps of a schedule.
 */
class UnpublishedThisExplorationTest {
  /**
   * Points {@code Scenarios.runAll(a, b)} saves on its own arrays: the two tasks stored into the new
   * varargs array, and its array of two threads written once and read twice.
   */
  private static final int RUN_ALL_ARRAYS = 2 + 2 * 3;

  private static Interleavings.Options exhaustive() {
    return Interleavings.configure().strategy(Strategy.EXHAUSTIVE).schedules(2_000)
        .maxPreemptions(2).shrink(0, Duration.ofSeconds(1));
  }

  private static InterleavingFailure failureOf(Class<? extends Scenario> scenario) {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> PointRuleSwitch.explore(scenario, true, exhaustive()));
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
  void anArrayPublishedBeforeItIsFilledIsStillFound() {
    assertThat(failureOf(EscapeScenarios.ArrayPublishedBeforeFill.class).kind())
        .isEqualTo(InterleavingFailure.Kind.EXCEPTION);
  }

  @Test
  void aPushThatLinksANewNodeToAStaleHeadIsStillFound() {
    assertThat(failureOf(EscapeScenarios.LostPush.class).kind())
        .isEqualTo(InterleavingFailure.Kind.EXCEPTION);
  }

  @Test
  void aNodeThatEscapesThroughACallBeforeItsWriteIsStillFound() {
    assertThat(failureOf(EscapeScenarios.PassedThenWritten.class).kind())
        .isEqualTo(InterleavingFailure.Kind.EXCEPTION);
  }

  @Test
  void aNodeAllocatedInALoopAndPublishedBeforeItsWriteIsStillFound() {
    assertThat(failureOf(EscapeScenarios.LoopPublishesEarly.class).kind())
        .isEqualTo(InterleavingFailure.Kind.EXCEPTION);
  }

  @Test
  void buffersEachThreadKeepsToItselfAreNotReportedAndCostNoPoints() {
    ExplorationResult result = PointRuleSwitch.explore(
        EscapeScenarios.LocalBuffers.class, true, exhaustive());
    assertThat(result.complete()).isTrue();

    Interleavings.Options options =
        Interleavings.configure().strategy(Strategy.RANDOM).seed(7).schedules(3);
    ExplorationResult without =
        PointRuleSwitch.explore(EscapeScenarios.LocalBuffers.class, false, options);
    ExplorationResult with =
        PointRuleSwitch.explore(EscapeScenarios.LocalBuffers.class, true, options);
    // each of two threads writes 8 elements of its buffer and reads 8 of its clone, 3 schedules
    assertThat(without.coverage().steps() - with.coverage().steps())
        .isEqualTo(3L * (2 * 16 + RUN_ALL_ARRAYS));
  }

  @Test
  void anObjectPublishedAfterItsWritesIsNotReported() {
    ExplorationResult result = PointRuleSwitch.explore(
        EscapeScenarios.PublishedAfterWrite.class, true, exhaustive());

    assertThat(result.complete()).isTrue();
  }

  @Test
  void theWritesOfAConstructorThatLeaksNothingAreNoLongerPoints() {
    Interleavings.Options options =
        Interleavings.configure().strategy(Strategy.RANDOM).seed(7).schedules(3);
    ExplorationResult without =
        PointRuleSwitch.explore(EscapeScenarios.ManyPoints.class, false, options);
    ExplorationResult with =
        PointRuleSwitch.explore(EscapeScenarios.ManyPoints.class, true, options);

    // two threads build ManyPoints.POINTS points of three fields each and read one field of
    // each new point, in each of 3 schedules
    long saved = 3L * (2 * EscapeScenarios.ManyPoints.POINTS * (3 + 1) + RUN_ALL_ARRAYS);
    assertThat(without.coverage().steps() - with.coverage().steps()).isEqualTo(saved);
  }
}
