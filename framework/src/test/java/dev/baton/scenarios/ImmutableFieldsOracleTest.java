package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import java.time.Duration;
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
  private static final int BOUND = 2;
  private static final int BUDGET = 1_000;

  /** How one search ended: the failure's kind, or null, and the longest schedule when none. */
  private record Ending(InterleavingFailure.Kind failure, int longestSchedule) {}

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
        .map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> compare(type)));
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
        .forEach(type -> assertThat(search(type, true).failure())
            .as(type.getSimpleName())
            .isEqualTo(InterleavingFailure.Kind.EXCEPTION));
  }

  @Test
  void theRuleShortensTheSchedulesOfImmutableReads() {
    Ending without = search(ImmutableFieldScenarios.ImmutableConfigReads.class, false);
    Ending with = search(ImmutableFieldScenarios.ImmutableConfigReads.class, true);

    assertThat(without.failure()).isNull();
    assertThat(with.failure()).isNull();
    // each reader reads four immutable fields per round: at least that many points fewer each
    int saved = 2 * ImmutableFieldScenarios.ImmutableConfigReads.READS * 4;
    assertThat(with.longestSchedule()).isLessThanOrEqualTo(without.longestSchedule() - saved);
  }

  private static void compare(Class<? extends Scenario> type) {
    Ending without = search(type, false);
    Ending with = search(type, true);
    String both = "%s: without the rule %s, with it %s"
        .formatted(type.getSimpleName(), without, with);
    assertThat(with.failure()).as(both).isEqualTo(without.failure());
    if (without.failure() == null) {
      assertThat(with.longestSchedule()).as(both).isLessThanOrEqualTo(without.longestSchedule());
    }
  }

  private static Ending search(Class<? extends Scenario> type, boolean rule) {
    Interleavings.Options options = Interleavings.configure().strategy(Strategy.EXHAUSTIVE)
        .schedules(BUDGET).maxPreemptions(BOUND).shrink(0, Duration.ofSeconds(1));
    try {
      ExplorationResult result =
          PointRuleSwitch.explore(PROPERTY, type, rule, options::explore);
      return new Ending(null, result.coverage().longestSchedule());
    } catch (InterleavingFailure failure) {
      return new Ending(failure.kind(), 0);
    }
  }
}
