package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A replay token reproduces its failure exactly, every time. */
class ReplayTest {

  static Stream<Arguments> buggyScenarios() {
    return Stream.of(
        Arguments.of("lostUpdate", (Scenario) Scenarios::lostUpdate, Strategy.RANDOM),
        Arguments.of("lostUpdate", (Scenario) Scenarios::lostUpdate, Strategy.PCT),
        Arguments.of("checkThenActOnConcurrentMap", (Scenario) Scenarios::checkThenActOnConcurrentMap, Strategy.POS),
        Arguments.of("synchronizedLockOrderDeadlock", (Scenario) Scenarios::synchronizedLockOrderDeadlock, Strategy.RANDOM),
        Arguments.of("reentrantLockOrderDeadlock", (Scenario) Scenarios::reentrantLockOrderDeadlock, Strategy.PCT),
        Arguments.of("lostWakeup", (Scenario) Scenarios::lostWakeup, Strategy.EXHAUSTIVE),
        Arguments.of("executorLostUpdate", (Scenario) Scenarios::executorLostUpdate, Strategy.POS));
  }

  @ParameterizedTest(name = "{0} with {2}")
  @MethodSource("buggyScenarios")
  void replayReproducesTheSameFailureWithTheSameTraceTwiceInARow(
      String name, Scenario scenario, Strategy strategy) {
    InterleavingFailure original = ScenarioExplorationTest.find(scenario, strategy);

    InterleavingFailure first = replay(original.replayToken(), scenario);
    InterleavingFailure second = replay(original.replayToken(), scenario);

    for (InterleavingFailure replayed : new InterleavingFailure[] {first, second}) {
      assertThat(replayed.kind()).isEqualTo(original.kind());
      assertThat(replayed.trace()).isEqualTo(original.trace());
      assertThat(replayed.schedule()).isEqualTo(original.schedule());
      assertThat(replayed.seed()).isEqualTo(original.seed());
      assertThat(replayed.strategy()).isEqualTo(original.strategy());
      assertThat(replayed.replayToken()).isEqualTo(original.replayToken());
      assertThat(String.valueOf(replayed.getCause())).isEqualTo(String.valueOf(original.getCause()));
      assertThat(replayed.getMessage()).contains("replayed schedule " + original.schedule());
    }
  }

  @Test
  void aTokenThatNoLongerMatchesTheCodeFailsWithDivergence() {
    InterleavingFailure deadlock =
        ScenarioExplorationTest.find(Scenarios::synchronizedLockOrderDeadlock, Strategy.RANDOM);
    // The same choices applied to a different program: the recorded threads cannot run there.
    InterleavingFailure diverged = replay(deadlock.replayToken(), Scenarios::synchronizedSameLockOrder);
    assertThat(diverged.kind()).isEqualTo(InterleavingFailure.Kind.DIVERGENCE);
    assertThat(diverged.getMessage()).contains("schedule diverged at step");
  }

  @Test
  void aTokenOfAnEarlierBuildReplaysWhereItFitsAndNamesThatBuildWhereItDiverges() {
    InterleavingFailure deadlock =
        ScenarioExplorationTest.find(Scenarios::synchronizedLockOrderDeadlock, Strategy.RANDOM);
    String earlier = dev.baton.scheduler.TokenSurgery.asVersion2(deadlock.replayToken());

    InterleavingFailure again = replay(earlier, Scenarios::synchronizedLockOrderDeadlock);
    assertThat(again.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);

    InterleavingFailure diverged = replay(earlier, Scenarios::synchronizedSameLockOrder);
    assertThat(diverged.kind()).isEqualTo(InterleavingFailure.Kind.DIVERGENCE);
    assertThat(diverged.getMessage())
        .contains("The token was written by an earlier Baton (token version 2, this build writes 3)")
        .contains("Record it again");
  }

  @Test
  void aCorruptedTokenIsRejectedWithAClearMessage() {
    InterleavingFailure failure = ScenarioExplorationTest.find(Scenarios::lostUpdate, Strategy.RANDOM);
    String token = failure.replayToken();
    String corrupted = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
    assertThatThrownBy(() -> Interleavings.configure().replay(corrupted).explore(Scenarios::lostUpdate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be replayed")
        .hasMessageContaining("Copy the whole token");
    assertThatThrownBy(() -> Interleavings.configure().replay("not a token!").explore(Scenarios::lostUpdate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a Baton replay token");
  }

  private static InterleavingFailure replay(String token, Scenario scenario) {
    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(token).explore(scenario));
    assertThat(replayed).as("the replay should fail again").isNotNull();
    return replayed;
  }
}
