package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import java.time.Duration;

/**
 * The comparison every oracle of a rule that leaves accesses without a scheduling point makes: the
 * bounded exhaustive search (preemption bound 2, 1,000 schedules) of a program with the rule on
 * and off, through {@link PointRuleSwitch}.
 */
final class PointRuleOracle {
  private static final int BOUND = 2;
  private static final int BUDGET = 1_000;

  private PointRuleOracle() {}

  /** How one search ended: the failure's kind, or null, and the longest schedule when none. */
  record Ending(InterleavingFailure.Kind failure, int longestSchedule) {}

  /**
   * Searches {@code type} with the rules on or off: all the escape rules when {@code property} is
   * null, else only the rule of that internal switch.
   */
  static Ending search(Class<? extends Scenario> type, String property, boolean rule) {
    Interleavings.Options options = Interleavings.configure().strategy(Strategy.EXHAUSTIVE)
        .schedules(BUDGET).maxPreemptions(BOUND).shrink(0, Duration.ofSeconds(1));
    try {
      ExplorationResult result = property == null
          ? PointRuleSwitch.explore(type, rule, options)
          : PointRuleSwitch.explore(property, type, rule, options::explore);
      return new Ending(null, result.coverage().longestSchedule());
    } catch (InterleavingFailure failure) {
      return new Ending(failure.kind(), 0);
    }
  }

  /**
   * Asserts that the search with the rule ends as the one without it: the same failure kind, or no
   * failure in either and no longer schedule with the rule.
   */
  static void assertSameEnding(Class<? extends Scenario> type, String property) {
    Ending without = search(type, property, false);
    Ending with = search(type, property, true);
    String both = "%s: without the rule %s, with it %s"
        .formatted(type.getSimpleName(), without, with);
    assertThat(with.failure()).as(both).isEqualTo(without.failure());
    if (without.failure() == null) {
      assertThat(with.longestSchedule()).as(both).isLessThanOrEqualTo(without.longestSchedule());
    }
  }

  /** {@link #assertSameEnding} for a buggy program: the search without the rule must fail too. */
  static void assertBugFoundWithAndWithout(Class<? extends Scenario> type, String property) {
    Ending without = search(type, property, false);
    Ending with = search(type, property, true);
    assertThat(without.failure()).as("%s without the rule", type.getSimpleName()).isNotNull();
    assertThat(with.failure())
        .as("%s: without the rule %s, with it %s", type.getSimpleName(), without, with)
        .isEqualTo(without.failure());
  }
}
