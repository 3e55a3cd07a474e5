package dev.baton.scenarios;

import dev.baton.Scenario;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each buggy shape of {@link EscapeShapeScenarios} is found by the bounded exhaustive search with
 * the escape rules as without them: the same failure kind, and a failure at all.
 */
class EscapeShapeOracleTest {
  @TestFactory
  Stream<DynamicTest> shapes() {
    return Stream.of(EscapeShapeScenarios.class.getClasses())
        .filter(Scenario.class::isAssignableFrom)
        .map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
          @SuppressWarnings("unchecked")
          Class<? extends Scenario> scenario = (Class<? extends Scenario>) type;
          PointRuleOracle.assertBugFoundWithAndWithout(scenario, null);
        }));
  }
}
