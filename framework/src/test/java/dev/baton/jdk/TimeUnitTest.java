package dev.baton.jdk;

import static dev.baton.jdk.JdkExplorations.findsAndReplays;
import static dev.baton.jdk.JdkExplorations.passesTheDefaultBudget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import dev.baton.Scenario;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * {@code TimeUnit}'s {@code sleep}, {@code timedWait} and {@code timedJoin} are controlled like
 * the {@code Thread.sleep}, {@code Object.wait} and {@code Thread.join} they call: the virtual
 * clock, the modelled monitor, the modelled join. Before, they ran for real inside the JDK: a sleep
 * did not move the clock, a long one was called uncontrolled, {@code timedWait} on a monitor the
 * model held threw {@code IllegalMonitorStateException}, and {@code timedJoin} never returned.
 */
class TimeUnitTest {

  static Stream<Arguments> correctUses() {
    return Stream.of(
        Arguments.of("sleep moves the virtual clock",
            (Scenario) TimeUnitScenarios::sleepsMoveTheVirtualClock),
        Arguments.of("guarded block with timedWait",
            (Scenario) TimeUnitScenarios::guardedBlockWithTimedWait),
        Arguments.of("timedJoin of a worker that ends",
            (Scenario) TimeUnitScenarios::timedJoinOfAWorkerThatEnds));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("correctUses")
  void correctUsePassesTheDefaultBudget(String name, Scenario scenario) {
    passesTheDefaultBudget(scenario);
  }

  @Test
  void findsATimedWaitThatGivesUpBeforeTheFlagIsSet() {
    InterleavingFailure failure =
        findsAndReplays(TimeUnitScenarios::timedWaitThatGivesUp, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessage("gave up waiting for the flag after 100 ms");
    assertThat(failure.getMessage())
        .containsPattern("main +wait TimeUnitScenarios\\$Box#\\d+ +TimeUnit\\.timedWait\\(TimeUnit\\.java:\\d+\\)");
  }

  @Test
  void findsAResultReadAfterATimedJoinGaveUp() {
    InterleavingFailure failure =
        findsAndReplays(TimeUnitScenarios::timedJoinThatGivesUp, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessage("read the worker's result after timedJoin(1 ms) gave up");
    assertThat(failure.getMessage()).containsPattern("main +join worker +TimeUnit\\.timedJoin\\(");
  }
}
