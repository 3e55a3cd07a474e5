package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import dev.baton.Interleavings;
import dev.baton.Strategy;
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

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Strategy.class, names = {"RANDOM", "PCT", "POS"})
  void aDeepButBoundedRecursionPasses(Strategy strategy) {
    ExplorationResult result = Interleavings.configure().strategy(strategy).seed(3).schedules(200)
        .explore(LongScenarios::boundedDeepRecursion);

    assertThat(result.schedules()).isEqualTo(200);
  }
}
