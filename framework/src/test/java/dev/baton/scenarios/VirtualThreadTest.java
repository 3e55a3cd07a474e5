package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/** Virtual threads are managed threads like platform ones (run on the second JDK of the machine). */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadTest {

  @Test
  void findsALostUpdateBetweenVirtualThreadsAndReplaysIt() {
    InterleavingFailure failure = find(VirtualThreadScenarios::lostUpdate);

    assertThat(failure.getCause()).hasMessage("lost update: 1");
    assertThat(failure.trace()).containsPattern("virtual-thread-\\d+ +write VirtualThreadScenarios\\$Counter.value");
    assertReplays(failure, VirtualThreadScenarios::lostUpdate);
  }

  @Test
  void findsALostUpdateInAVirtualThreadPerTaskExecutor() {
    InterleavingFailure failure = find(VirtualThreadScenarios::executorLostUpdate);

    assertThat(failure.getCause()).hasMessage("lost update: 1");
    assertReplays(failure, VirtualThreadScenarios::executorLostUpdate);
  }

  @Test
  void correctProgramsOnVirtualThreadsPassTheDefaultBudget() {
    assertThat(Interleavings.explore(VirtualThreadScenarios::synchronizedIncrements).schedules())
        .isEqualTo(1000);
    assertThat(Interleavings.explore(VirtualThreadScenarios::executorSafeIncrements).schedules())
        .isEqualTo(1000);
  }

  private static InterleavingFailure find(Scenario scenario) {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().seed(5).explore(scenario));
    assertThat(failure).as("Baton should have failed the scenario").isNotNull();
    return failure;
  }

  private static void assertReplays(InterleavingFailure failure, Scenario scenario) {
    InterleavingFailure again = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(failure.replayToken()).explore(scenario));
    assertThat(again).isNotNull();
    assertThat(again.trace()).isEqualTo(failure.trace());
  }
}
