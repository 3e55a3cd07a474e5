package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each buggy shape of {@link EscapeShapeScenarios} is found by the bounded exhaustive search with
 * the escape rules as without them: the same failure kind, and a failure at all.
 */
class EscapeShapeOracleTest {
  private static InterleavingFailure.Kind search(Class<? extends Scenario> type, boolean rule) {
    Interleavings.Options options = Interleavings.configure().strategy(Strategy.EXHAUSTIVE)
        .schedules(1_000).maxPreemptions(2).shrink(0, Duration.ofSeconds(1));
    try {
      PointRuleSwitch.explore(type, rule, options);
      return null;
    } catch (InterleavingFailure failure) {
      return failure.kind();
    }
  }

  @TestFactory
  Stream<DynamicTest> shapes() {
    return Stream.of(EscapeShapeScenarios.class.getClasses())
        .filter(Scenario.class::isAssignableFrom)
        .map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
          @SuppressWarnings("unchecked")
          Class<? extends Scenario> scenario = (Class<? extends Scenario>) type;
          InterleavingFailure.Kind without = search(scenario, false);
          InterleavingFailure.Kind with = search(scenario, true);
          assertThat(without).as(type.getSimpleName() + " without").isNotNull();
          assertThat(with).as(type.getSimpleName()).isEqualTo(without);
        }));
  }
}
