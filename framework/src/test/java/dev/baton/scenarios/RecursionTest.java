package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import dev.baton.Interleavings;
import dev.baton.Strategy;
import dev.baton.scheduler.TokenSurgery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runaway recursion under a race: a thread recursing deeper keeps the baton past the fairness
 * bound, so a writer preempted half-way stays preempted, and the recursion is reported as such
 * before it overflows; a deep but bounded recursion passes.
 */
class RecursionTest {

  /** PCT keeps the resolver's priority above the writer's after a change point between the writes. */
  @Test
  void aRecursionWhileTheWriterIsPreemptedHalfWayIsReportedWithTheFramesThatRepeat() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(Strategy.PCT).seed(7)
            .explore(LongScenarios::recurseWhileTheWriterIsHalfWay));

    assertThat(failure).as("Baton should find the runaway recursion").isNotNull();
    assertThat(failure.kind()).isEqualTo(Kind.RECURSION);
    // On a default-sized stack the recursion overflows long before RecursionWatch.MAX_DEPTH.
    assertThat(failure.getCause()).isInstanceOf(StackOverflowError.class);
    assertThat(failure.getMessage().lines().findFirst().orElseThrow())
        .startsWith("stack overflow in resolver: endless recursion through ")
        .contains("LongScenarios$Aliases.resolve(LongScenarios.java:");
    InterleavingFailure again = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(failure.replayToken())
            .explore(LongScenarios::recurseWhileTheWriterIsHalfWay));
    assertThat(again).isNotNull();
    assertThat(again.kind()).isEqualTo(Kind.RECURSION);
  }

  /**
   * How deep a recursion gets before its stack overflows depends on how the JIT compiled its frames:
   * a replay may need more steps than the schedule that was found. A token whose tail is missing
   * stands for that replay: it must still report the recursion, not a divergence.
   */
  @Test
  void aRecursionThatRunsDeeperInTheReplayThanWhenFoundStillReplays() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(Strategy.PCT).seed(7)
            .explore(LongScenarios::recurseWhileTheWriterIsHalfWay));
    assertThat(failure).isNotNull();
    String token = failure.replayToken();
    String shorter = TokenSurgery.withoutLastChoices(token, TokenSurgery.choices(token) / 3);

    InterleavingFailure again = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(shorter)
            .explore(LongScenarios::recurseWhileTheWriterIsHalfWay));

    assertThat(again).isNotNull();
    assertThat(again.kind()).isEqualTo(Kind.RECURSION);
  }

  /** Running past the token is allowed for a recursion only: any other ending is a divergence. */
  @Test
  void anyOtherFailurePastTheTokenIsADivergence() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(Strategy.RANDOM).seed(1).schedules(2000)
            .explore(ExhaustiveSearchScenarios::unlockedIncrements));
    assertThat(failure).isNotNull();
    assertThat(failure.kind()).isEqualTo(Kind.EXCEPTION);
    String shorter = TokenSurgery.withoutLastChoices(failure.replayToken(), 1);

    InterleavingFailure again = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(shorter)
            .explore(ExhaustiveSearchScenarios::unlockedIncrements));

    assertThat(again).isNotNull();
    assertThat(again.kind()).isEqualTo(Kind.DIVERGENCE);
    assertThat(again.getMessage()).contains("choices were used up");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Strategy.class, names = {"RANDOM", "PCT", "POS"})
  void aDeepButBoundedRecursionPasses(Strategy strategy) {
    ExplorationResult result = Interleavings.configure().strategy(strategy).seed(3).schedules(200)
        .explore(LongScenarios::boundedDeepRecursion);

    assertThat(result.schedules()).isEqualTo(200);
  }
}
