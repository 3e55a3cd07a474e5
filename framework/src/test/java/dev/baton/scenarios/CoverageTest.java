package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.ExplorationCoverage;
import dev.baton.ExplorationResult;
import dev.baton.Interleavings;
import dev.baton.Strategy;
import org.junit.jupiter.api.Test;

/** What a clean exploration reports it covered, and PCT's bound on a missed bug. */
class CoverageTest {

  @Test
  void aCleanPctRunReportsWhatItCoveredAndTheBoundOnMissingADepthThreeBug() {
    ExplorationResult result = Interleavings.configure().strategy(Strategy.PCT).seed(5)
        .schedules(200).explore(Scenarios::synchronizedUpdate);
    ExplorationCoverage c = result.coverage();
    assertThat(c.schedules()).isEqualTo(200);
    assertThat(c.distinctSchedules()).isBetween(2, 200);
    assertThat(c.threads()).isEqualTo(4); // main and three incrementers
    assertThat(c.longestSchedule()).isPositive();
    // Every schedule passes the baton at least to each of the three incrementers and back.
    assertThat(c.switches()).isGreaterThanOrEqualTo(200L * 4);
    assertThat(c.steps()).isBetween((long) c.longestSchedule(), 200L * c.longestSchedule());
    assertThat(c.sites()).isPositive();
    assertThat(c.pctDepth()).isEqualTo(3);
    assertThat(c.pctSteps()).isGreaterThanOrEqualTo(c.longestSchedule());
    double p = 1.0 / (c.threads() * Math.pow(c.pctSteps(), 2));
    assertThat(c.pctMissBound()).isCloseTo(Math.pow(1 - p, 200), within(1e-12));
    assertThat(c.describe())
        .startsWith("covered " + c.distinctSchedules() + " distinct schedule(s) of 200, ")
        .contains("; PCT: a depth-3 bug is missed with probability <= ")
        .contains("p >= 1/(n*k^(d-1)) = 1/(4*" + c.pctSteps() + "^2)");
  }

  @Test
  void moreSchedulesGiveASmallerBoundAndADeeperBugALargerOne() {
    double fifty = Interleavings.configure().strategy(Strategy.PCT).seed(5).schedules(50)
        .explore(Scenarios::synchronizedUpdate).coverage().pctMissBound();
    double twoHundred = Interleavings.configure().strategy(Strategy.PCT).seed(5).schedules(200)
        .explore(Scenarios::synchronizedUpdate).coverage().pctMissBound();
    assertThat(twoHundred).isLessThan(fifty);
    assertThat(ExplorationCoverage.pctMissBound(4, 30, 4, 200))
        .isGreaterThan(ExplorationCoverage.pctMissBound(4, 30, 3, 200));
  }

  @Test
  void theBoundIsOneMinusPToTheNumberOfSchedules() {
    assertThat(ExplorationCoverage.pctMissBound(2, 10, 3, 100))
        .isCloseTo(Math.pow(1 - 1 / 200.0, 100), within(1e-12));
    assertThat(ExplorationCoverage.pctMissBound(2, 10, 1, 3)).isCloseTo(0.125, within(1e-12));
    assertThat(ExplorationCoverage.pctMissBound(1, 10, 1, 1)).isZero(); // one thread: p = 1
  }

  @Test
  void schedulesThatMakeTheSameChoicesCountOnce() {
    ExplorationCoverage c = Interleavings.configure().strategy(Strategy.RANDOM).schedules(25)
        .explore(CoverageTest::oneThreadOnly).coverage();
    assertThat(c.schedules()).isEqualTo(25);
    assertThat(c.distinctSchedules()).isEqualTo(1);
    assertThat(c.threads()).isEqualTo(1);
    assertThat(c.switches()).isZero();
    assertThat(c.sites()).isEqualTo(2); // the read and the write of Holder.value
  }

  @Test
  void otherStrategiesReportNoPctBound() {
    ExplorationCoverage c = Interleavings.configure().strategy(Strategy.RANDOM).schedules(30)
        .explore(Scenarios::synchronizedUpdate).coverage();
    assertThat(c.pctDepth()).isZero();
    assertThat(c.pctMissBound()).isNaN();
    assertThat(c.distinctSchedules()).isGreaterThan(1);
    assertThat(c.describe()).doesNotContain("PCT");
  }

  /** The default, PORTFOLIO, runs PCT in only some of its schedules: it claims no PCT bound. */
  @Test
  void theDefaultPortfolioReportsNoPctBound() {
    ExplorationCoverage c = Interleavings.configure().schedules(30)
        .explore(Scenarios::synchronizedUpdate).coverage();
    assertThat(c.pctDepth()).isZero();
    assertThat(c.pctMissBound()).isNaN();
    assertThat(c.distinctSchedules()).isGreaterThan(1);
    assertThat(c.describe()).doesNotContain("PCT");
  }

  /** No thread to interleave with: every schedule is the same. */
  static void oneThreadOnly() {
    Holder h = Holder.fromElsewhere();
    h.value++;
  }

  static final class Holder {
    int value;

    /**
     * A holder the caller did not allocate itself, so that its accesses are scheduling points (a
     * method's accesses to an object it allocated and kept to itself are none).
     */
    static Holder fromElsewhere() {
      return new Holder();
    }
  }
}
