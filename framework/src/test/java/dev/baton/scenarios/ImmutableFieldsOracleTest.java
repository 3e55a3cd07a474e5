package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.scenarios.PointRuleOracle.Ending;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The oracle for the rule that skips reads of effectively immutable fields: on buggy programs over
 * fields that only look immutable (a setter, a nested writer, a write after a leak, a static
 * written later, a VarHandle by name, a lazy holder), on correct ones, and on the other corpora,
 * the bounded exhaustive search with the rule ends with the same failure kind as the search
 * without it, or both find none, and no schedule with the rule is longer.
 */
class ImmutableFieldsOracleTest {
  private static final String PROPERTY = "baton.internal.immutableFields";

  @TestFactory
  Stream<DynamicTest> theRuleFindsWhatTheSearchWithoutItFinds() {
    return Stream.of(
            ImmutableFieldScenarios.SetterRace.class,
            ImmutableFieldScenarios.LazyHolderRace.class,
            ImmutableFieldScenarios.WrittenAfterLeak.class,
            ImmutableFieldScenarios.NestedWriter.class,
            ImmutableFieldScenarios.StaticWrittenLater.class,
            HandleWrittenScenarios.VarHandleWriter.class,
            ImmutableFieldScenarios.ImmutableConfigReads.class,
            EscapeScenarios.PublishedBeforeWrite.class,
            EscapeScenarios.ThreadStartedInConstructor.class,
            EscapeScenarios.PublishedAfterWrite.class,
            UnpublishedThisOracleTest.LostUpdate.class,
            UnpublishedThisOracleTest.CheckThenAct.class,
            UnpublishedThisOracleTest.MonitorDeadlock.class,
            UnpublishedThisOracleTest.LostWakeup.class,
            UnpublishedThisOracleTest.ExecutorLostUpdate.class,
            UnpublishedThisOracleTest.ReadWriteLock.class,
            UnpublishedThisOracleTest.ParkAndUnpark.class)
        .map(type -> DynamicTest.dynamicTest(type.getSimpleName(),
            () -> PointRuleOracle.assertSameEnding(type, PROPERTY)));
  }

  @Test
  void everyBugOfTheCorpusIsFoundWithTheRule() {
    Stream.of(
            ImmutableFieldScenarios.SetterRace.class,
            ImmutableFieldScenarios.LazyHolderRace.class,
            ImmutableFieldScenarios.WrittenAfterLeak.class,
            ImmutableFieldScenarios.NestedWriter.class,
            ImmutableFieldScenarios.StaticWrittenLater.class,
            HandleWrittenScenarios.VarHandleWriter.class)
        .forEach(type -> assertThat(PointRuleOracle.search(type, PROPERTY, true).failure())
            .as(type.getSimpleName())
            .isEqualTo(InterleavingFailure.Kind.EXCEPTION));
  }

  @Test
  void theRuleShortensTheSchedulesOfImmutableReads() {
    Ending without =
        PointRuleOracle.search(ImmutableFieldScenarios.ImmutableConfigReads.class, PROPERTY, false);
    Ending with =
        PointRuleOracle.search(ImmutableFieldScenarios.ImmutableConfigReads.class, PROPERTY, true);

    assertThat(without.failure()).isNull();
    assertThat(with.failure()).isNull();
    // each reader reads four immutable fields per round: at least that many points fewer each
    int saved = 2 * ImmutableFieldScenarios.ImmutableConfigReads.READS * 4;
    assertThat(with.longestSchedule()).isLessThanOrEqualTo(without.longestSchedule() - saved);
  }
}
