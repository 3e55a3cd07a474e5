package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The oracle of {@link UnpublishedThisOracleTest} on {@link EscapeHoleScenarios}, holes a review
 * found: the search without the rules finds a failure, and the search with them the same kind. A
 * constructor that publishes {@code this} in a catch block leaks (with asm-analysis 9.6, whose
 * handler frames are only the frames before the throwing instruction, the escape analysis missed
 * it until handlers stopped forgetting objects); a private field written through a {@code
 * VarHandle} whose name is computed, or unreflected from {@code getDeclaredFields()}, is not
 * effectively immutable.
 */
class EscapeHoleOracleTest {
  private static final String IMMUTABLE = "baton.internal.immutableFields";

  private static InterleavingFailure.Kind search(
      Class<? extends Scenario> type, String property, boolean rule) {
    Interleavings.Options options = Interleavings.configure().strategy(Strategy.EXHAUSTIVE)
        .schedules(1_000).maxPreemptions(2).shrink(0, Duration.ofSeconds(1));
    try {
      if (property == null) {
        PointRuleSwitch.explore(type, rule, options);
      } else {
        PointRuleSwitch.explore(property, type, rule, options::explore);
      }
      return null;
    } catch (InterleavingFailure failure) {
      return failure.kind();
    }
  }

  private static void compare(Class<? extends Scenario> type, String property) {
    InterleavingFailure.Kind without = search(type, property, false);
    InterleavingFailure.Kind with = search(type, property, true);
    assertThat(without).as("%s without the rule", type.getSimpleName()).isNotNull();
    assertThat(with).as("%s: without the rule %s, with it %s", type.getSimpleName(), without, with)
        .isEqualTo(without);
  }

  @Test
  void superConstructorLeakingThisInACatchBlock() {
    compare(EscapeHoleScenarios.SuperLeaksInHandler.class, null);
  }

  @Test
  void constructorLeakingThisInACatchBlockThenCallerWrites() {
    compare(EscapeHoleScenarios.ConstructorLeaksInHandler.class, null);
  }

  @Test
  void privateFieldWrittenByAVarHandleFoundByAComputedName() {
    compare(EscapeHoleScenarios.VarHandleWriteUnnamed.class, IMMUTABLE);
  }

  @Test
  void privateFieldWrittenByAVarHandleUnreflectedFromGetDeclaredFields() {
    compare(EscapeHoleScenarios.UnreflectedVarHandleWrite.class, IMMUTABLE);
  }
}
