package dev.baton.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.scheduler.ExplorationSettings;
import dev.baton.scheduler.Explorer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exploration loop prints its progress line when asked to, and nothing otherwise. */
class ExplorationProgressTest {
  @TempDir Path reports;

  @Test
  void theLoopPrintsProgressWhenEnabled() {
    // every millisecond: every schedule
    String out = captured(() -> explore(new ReportSettings(reports, true, 1)));

    assertThat(out).containsPattern("\\[baton\\] \\S+: \\d+ of 30 schedules \\(\\d+%\\), [\\d,]+/s,"
        + " \\d+ s elapsed, no failure so far");
  }

  @Test
  void quietWhenDisabled() {
    String out = captured(() -> explore(new ReportSettings(reports, false, 1)));

    assertThat(out).doesNotContain(" schedules (");
  }

  /** Thirty schedules of a scenario that takes a few milliseconds, reporting by {@code report}. */
  private static void explore(ReportSettings report) {
    Explorer.explore(ExplorationSettings.builder().scenarioId("ExplorationProgressTest#sleeps")
        .schedules(30).seed(5).report(report).build(), () -> Thread.sleep(2));
  }

  private static String captured(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
