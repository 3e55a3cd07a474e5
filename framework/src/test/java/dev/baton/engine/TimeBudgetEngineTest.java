package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.baton.engine.fixtures.budget.EndlessBudgetFixture;
import dev.baton.scheduler.TimeBudgetSpent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A spent time budget is said where users look (the console line and the report entry), and with
 * {@code baton.failOnBudget=true} fails the test instead of passing a partial search.
 */
class TimeBudgetEngineTest {

  @Test
  void aSpentBudgetIsOnTheConsoleLineAndInTheReportEntry() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EngineExecutionResults results = run(Map.of(), out);

    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    String note = results.allEvents().reportingEntryPublished().list().get(0)
        .getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("baton.note");
    assertThat(note).matches("Baton explored \\d+ of 100000000 schedules \\(time budget\\): the"
        + " time budget of 1 s \\(baton.timeBudgetSeconds\\) was spent; all passed\\.");
    assertThat(out.toString()).containsPattern(
        "schedule\\(s\\) passed, .*Baton explored \\d+ of 100000000 schedules \\(time budget\\)");
  }

  @Test
  void withFailOnBudgetASpentBudgetFailsTheTestAndNamesTheKey() {
    EngineExecutionResults results =
        run(Map.of("baton.failOnBudget", "true"), new ByteArrayOutputStream());

    results.testEvents().assertStatistics(s -> s.started(1).failed(1));
    Throwable failure = results.testEvents().failed().list().get(0)
        .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    assertThat(failure).isInstanceOf(TimeBudgetSpent.class);
    assertThat(failure.getMessage())
        .containsPattern("^Baton explored \\d+ of 100000000 schedules \\(time budget\\) for ")
        .contains("baton.failOnBudget=true fails a partial search")
        .contains("set baton.failOnBudget=false");
  }

  private static EngineExecutionResults run(Map<String, String> extra, ByteArrayOutputStream out) {
    Map<String, String> configuration = new HashMap<>(extra);
    configuration.put("baton.timeBudgetSeconds", "1");
    configuration.put("baton.progress", "false");
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true));
    try {
      return EngineTestKit.engine("baton")
          .selectors(selectClass(EndlessBudgetFixture.class))
          .configurationParameters(configuration)
          .execute();
    } finally {
      System.setOut(original);
    }
  }
}
