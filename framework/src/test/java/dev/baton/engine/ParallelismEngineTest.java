package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.baton.InterleavingFailure;
import dev.baton.engine.fixtures.races.LostUpdateFixture;
import dev.baton.engine.fixtures.races.SafeCounterFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code baton.parallelism} through the engine: the single-core run's results and tokens. */
class ParallelismEngineTest {

  @Test
  void aParallelRunReportsTheSingleCoreRunsFailureAndToken() {
    InterleavingFailure single = EngineRaceTest.failureOf(run(LostUpdateFixture.class, Map.of()));
    InterleavingFailure parallel = EngineRaceTest.failureOf(
        run(LostUpdateFixture.class, Map.of("baton.parallelism", "3")));
    assertThat(parallel.schedule()).isEqualTo(single.schedule());
    assertThat(parallel.replayToken()).isEqualTo(single.replayToken());
    assertThat(parallel.getMessage()).isEqualTo(single.getMessage());
  }

  @Test
  void aCleanParallelRunCoversTheSameSchedulesOnEveryCore() {
    Map<String, String> single = entry(run(SafeCounterFixture.class,
        Map.of("baton.schedules", "50", "baton.seed", "5", "baton.strategy", "PCT")));
    Map<String, String> parallel = entry(run(SafeCounterFixture.class,
        Map.of("baton.schedules", "50", "baton.seed", "5", "baton.strategy", "PCT",
            "baton.parallelism", "0")));
    for (String key : new String[] {"baton.schedules", "baton.coverage.fingerprint",
        "baton.coverage.distinctSchedules", "baton.coverage.steps", "baton.pct.missBound"}) {
      assertThat(parallel.get(key)).as(key).isEqualTo(single.get(key));
    }
  }

  @Test
  void withSharedStaticsTheSchedulesRunOneAtATimeAndTheNoteSaysWhy() {
    Map<String, String> entry = entry(run(SafeCounterFixture.class,
        Map.of("baton.schedules", "20", "baton.parallelism", "2",
            "baton.freshStatics", "false")));
    assertThat(entry.get("baton.note")).isEqualTo("baton.parallelism needs fresh static state"
        + " (schedules sharing classes would share their static fields): the schedules ran one at"
        + " a time.");
  }

  @Test
  void aMalformedParallelismFailsTheTestNamingTheKey() {
    for (String bad : new String[] {"-1", "many", "5000"}) {
      EngineExecutionResults results =
          run(SafeCounterFixture.class, Map.of("baton.parallelism", bad));
      results.testEvents().assertStatistics(s -> s.failed(1));
      Throwable t = results.testEvents().failed().list().get(0)
          .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
      assertThat(t.getMessage())
          .contains("baton.parallelism=" + bad + " is not valid")
          .contains("from 0 to 1024, for example -Dbaton.parallelism=4 (0 uses every core)");
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
