package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.baton.InterleavingFailure;
import dev.baton.engine.fixtures.execution.FailingBeforeScenarios;
import dev.baton.engine.fixtures.execution.FailingScenarios;
import dev.baton.engine.fixtures.execution.LifecycleOrderScenarios;
import dev.baton.engine.fixtures.execution.PassingScenarios;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs scenarios through the explorer. Needs the real scheduler ({@code Explorer}); it fails on a
 * branch where the explorer is still a skeleton.
 */
class EngineExecutionTest {

  @BeforeEach
  void clearLog() {
    EventLog.clear();
  }

  @Test
  void aPassingScenarioSucceedsAndReportsWhatWasExplored() {
    EngineExecutionResults results = execute(PassingScenarios.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    results.containerEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    Map<String, String> entry = onlyReportEntry(results);
    assertThat(entry).containsEntry("baton.strategy", "RANDOM").containsEntry("baton.seed", "42");
    int schedules = Integer.parseInt(entry.get("baton.schedules"));
    assertThat(schedules).isBetween(1, 3);
    assertThat(EventLog.events())
        .hasSize(schedules)
        .containsOnly("passes loaded by InstrumentingClassLoader");
  }

  @Test
  void lifecycleMethodsRunAroundEverySchedulesTestMethodInJupitersOrder() {
    EngineExecutionResults results = execute(LifecycleOrderScenarios.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    int schedules = Integer.parseInt(onlyReportEntry(results).get("baton.schedules"));
    assertThat(schedules).isPositive();
    List<String> oneSchedule =
        List.of("constructor", "baseBefore", "subBeforeEach", "test", "subAfter", "baseAfterEach");
    assertThat(EventLog.events())
        .isEqualTo(
            Collections.nCopies(schedules, oneSchedule).stream().flatMap(List::stream).toList());
  }

  @Test
  void aFailingScenarioFailsWithTheInterleavingFailureCausedByItsOwnException() {
    EngineExecutionResults results = execute(FailingScenarios.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    Throwable failure = onlyFailure(results);
    assertThat(failure).isInstanceOf(InterleavingFailure.class);
    assertThat(failure.getMessage()).contains("-Dbaton.replay=");
    assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(EventLog.events()).startsWith("fails", "after");
    // the failing schedule's coordinates, for Surefire's XML and Open Test Reporting
    InterleavingFailure interleavingFailure = (InterleavingFailure) failure;
    assertThat(onlyReportEntry(results))
        .containsEntry("baton.strategy", "RANDOM")
        .containsEntry("baton.seed", "3")
        .containsEntry("baton.schedules", String.valueOf(interleavingFailure.schedule()))
        .containsEntry("baton.failure", "EXCEPTION")
        .containsEntry("baton.replay", interleavingFailure.replayToken());
  }

  @Test
  void aFailingBeforeMethodSkipsTheTestMethodButNotTheAfterMethods() {
    EngineExecutionResults results = execute(FailingBeforeScenarios.class);

    Throwable failure = onlyFailure(results);
    assertThat(failure).isInstanceOf(InterleavingFailure.class);
    assertThat(failure.getCause())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("setup broke");
    assertThat(EventLog.events()).startsWith("before", "after").doesNotContain("neverRuns");
  }

  private static EngineExecutionResults execute(Class<?> testClass) {
    return EngineTestKit.engine("baton").selectors(selectClass(testClass)).execute();
  }

  private static Map<String, String> onlyReportEntry(EngineExecutionResults results) {
    List<Event> entries = results.allEvents().reportingEntryPublished().list();
    assertThat(entries).hasSize(1);
    return entries.get(0).getRequiredPayload(ReportEntry.class).getKeyValuePairs();
  }

  private static Throwable onlyFailure(EngineExecutionResults results) {
    List<Event> failed = results.testEvents().failed().list();
    assertThat(failed).hasSize(1);
    return failed.get(0).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }
}
