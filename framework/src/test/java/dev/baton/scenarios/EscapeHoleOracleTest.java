package dev.baton.scenarios;

import static dev.baton.scenarios.PointRuleOracle.assertBugFoundWithAndWithout;

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

  @Test
  void superConstructorLeakingThisInACatchBlock() {
    assertBugFoundWithAndWithout(EscapeHoleScenarios.SuperLeaksInHandler.class, null);
  }

  @Test
  void constructorLeakingThisInACatchBlockThenCallerWrites() {
    assertBugFoundWithAndWithout(EscapeHoleScenarios.ConstructorLeaksInHandler.class, null);
  }

  @Test
  void privateFieldWrittenByAVarHandleFoundByAComputedName() {
    assertBugFoundWithAndWithout(EscapeHoleScenarios.VarHandleWriteUnnamed.class, IMMUTABLE);
  }

  @Test
  void privateFieldWrittenByAVarHandleUnreflectedFromGetDeclaredFields() {
    assertBugFoundWithAndWithout(EscapeHoleScenarios.UnreflectedVarHandleWrite.class, IMMUTABLE);
  }
}
