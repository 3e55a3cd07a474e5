package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import dev.baton.Interleavings;
import dev.baton.Strategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Threads that wait for their turn with {@code Thread.yield()} are not a livelock under any
 * strategy: a correct token ring ends in every schedule, and its buggy twin is still found.
 */
class YieldSpinTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(Strategy.class)
  void aCorrectYieldSpinningTokenRingEndsInEverySchedule(Strategy strategy) {
    ExplorationResult result = Interleavings.configure().strategy(strategy).schedules(300).seed(14)
        .explore(TokenRingScenarios::correctRing);

    assertThat(result.schedules()).isPositive();
  }

  /**
   * Ten threads: POS kept a spinner's pending read at its old priority while the others took turns
   * yielding, so the turn's holder could wait for a million steps and the ring was reported as not
   * terminating. Every strategy hands over evenly after a yield now.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Strategy.class, mode = EnumSource.Mode.EXCLUDE, names = "EXHAUSTIVE")
  void aCorrectRingOfTenEndsInEverySchedule(Strategy strategy) {
    ExplorationResult result = Interleavings.configure().strategy(strategy).schedules(30).seed(14)
        .explore(TokenRingScenarios::correctRingOfTen);

    assertThat(result.schedules()).isEqualTo(30);
  }

  /**
   * The sampling strategies find the lost count. (EXHAUSTIVE, whose first schedule no longer spins
   * for ever, does not reach it within 1000 schedules: its search through the ring's spin loops is
   * too wide for that budget.)
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Strategy.class, mode = EnumSource.Mode.EXCLUDE, names = "EXHAUSTIVE")
  void theRingThatCountsAfterPassingTheTurnIsFound(Strategy strategy) {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(strategy).schedules(1000).seed(14)
            .explore(TokenRingScenarios::ringThatCountsAfterPassingTheTurn));

    assertThat(failure).as("the lost count should be found under " + strategy).isNotNull();
    assertThat(failure.kind()).isEqualTo(Kind.EXCEPTION);
    assertThat(failure.getCause()).isInstanceOf(AssertionError.class)
        .hasMessageEndingWith("of 6 turns");
  }
}
