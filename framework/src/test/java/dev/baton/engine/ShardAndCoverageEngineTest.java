package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.baton.InterleavingFailure;
import dev.baton.engine.fixtures.races.LostUpdateFixture;
import dev.baton.engine.fixtures.races.SafeCounterFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code baton.shard} and the coverage figures through the engine. */
class ShardAndCoverageEngineTest {

  @Test
  void aCleanRunReportsItsCoverageInTheReportEntryAndTheConsoleLine() {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true));
    EngineExecutionResults results;
    try {
      results = run(SafeCounterFixture.class, Map.of("baton.strategy", "PCT",
          "baton.schedules", "100", "baton.seed", "3"));
    } finally {
      System.setOut(original);
    }
    results.testEvents().assertStatistics(s -> s.succeeded(1));
    Map<String, String> entry = entry(results);
    assertThat(Integer.parseInt(entry.get("baton.coverage.distinctSchedules"))).isBetween(2, 100);
    assertThat(Long.parseLong(entry.get("baton.coverage.steps"))).isPositive();
    assertThat(entry.get("baton.coverage.threads")).isEqualTo("3");
    assertThat(Integer.parseInt(entry.get("baton.coverage.sites"))).isPositive();
    assertThat(entry.get("baton.pct.depth")).isEqualTo("3");
    assertThat(Double.parseDouble(entry.get("baton.pct.missBound"))).isBetween(0.0, 1.0);
    assertThat(out.toString())
        .contains("SafeCounterFixture#bothIncrementsLand(): 100 schedule(s) passed, strategy PCT, seed 3;"
            + " covered ")
        .contains("PCT: a depth-3 bug is missed with probability <= ");
  }

  @Test
  void theShardKeySplitsTheSchedulesAndTheirFingerprintsAddUp() {
    Map<String, String> whole = entry(run(SafeCounterFixture.class,
        Map.of("baton.schedules", "30", "baton.seed", "11")));
    long sum = 0;
    int schedules = 0;
    for (int shard = 1; shard <= 2; shard++) {
      Map<String, String> part = entry(run(SafeCounterFixture.class,
          Map.of("baton.schedules", "30", "baton.seed", "11", "baton.shard", shard + "/2")));
      assertThat(part.get("baton.schedules")).isEqualTo("15");
      assertThat(part.get("baton.note")).startsWith("Shard " + shard + "/2 owns 15 of the 30");
      sum += Long.parseUnsignedLong(part.get("baton.coverage.fingerprint"), 16);
      schedules += Integer.parseInt(part.get("baton.schedules"));
    }
    assertThat(schedules).isEqualTo(30);
    assertThat(Long.toHexString(sum)).isEqualTo(whole.get("baton.coverage.fingerprint"));
  }

  @Test
  void withoutASeedEveryShardUsesTheSameOneDerivedFromTheTest() {
    String first = entry(run(SafeCounterFixture.class,
        Map.of("baton.schedules", "4", "baton.shard", "1/2"))).get("baton.seed");
    String second = entry(run(SafeCounterFixture.class,
        Map.of("baton.schedules", "4", "baton.shard", "2/2"))).get("baton.seed");
    assertThat(first).isEqualTo(second).isNotEqualTo("0");
  }

  @Test
  void theShardThatOwnsTheFailingSchedulePrintsTheWholeRunsToken() {
    InterleavingFailure whole = EngineRaceTest.failureOf(run(LostUpdateFixture.class, Map.of()));
    String owner = ((whole.schedule() - 1) % 3 + 1) + "/3";
    InterleavingFailure part = EngineRaceTest.failureOf(
        run(LostUpdateFixture.class, Map.of("baton.shard", owner)));
    assertThat(part.replayToken()).isEqualTo(whole.replayToken());
    assertThat(part.getMessage()).contains("Baton found it in schedule " + whole.schedule()
        + " of 1000");
  }

  @Test
  void aMalformedShardFailsTheTestNamingTheKeyAndTheFix() {
    for (String bad : new String[] {"3/2", "0/2", "two", "1/0", "1/2/3"}) {
      EngineExecutionResults results =
          run(SafeCounterFixture.class, Map.of("baton.shard", bad));
      results.testEvents().assertStatistics(s -> s.failed(1));
      Throwable t = results.testEvents().failed().list().get(0)
          .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
      assertThat(t.getMessage())
          .contains("baton.shard=" + bad + " is not a shard")
          .contains("Fix: pass i/n with 1 <= i <= n, for example -Dbaton.shard=2/4");
    }
  }

  private static EngineExecutionResults run(Class<?> fixture, Map<String, String> configuration) {
    return EngineTestKit.engine("baton")
        .selectors(selectMethod(fixture, "bothIncrementsLand"))
        .configurationParameters(configuration)
        .execute();
  }

  private static Map<String, String> entry(EngineExecutionResults results) {
    results.testEvents().assertStatistics(s -> s.succeeded(1));
    return results.allEvents().reportingEntryPublished().list().get(0)
        .getRequiredPayload(ReportEntry.class).getKeyValuePairs();
  }
}
