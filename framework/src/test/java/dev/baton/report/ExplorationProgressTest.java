package dev.baton.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Interleavings;
import dev.baton.scenarios.Scenarios;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exploration loop prints its progress line when asked to, and nothing otherwise. */
class ExplorationProgressTest {
  @TempDir Path reports;

  @AfterEach
  void backToDefaults() {
    ReportSettings.use(null);
  }

  @Test
  void theLoopPrintsProgressWhenEnabled() {
    ReportSettings.use(new ReportSettings(reports, true, 1)); // every millisecond: every schedule
    String out = captured(() -> Interleavings.configure().schedules(30).seed(5)
        .explore(Scenarios::synchronizedUpdate));

    assertThat(out).containsPattern("\\[baton\\] \\S+: \\d+ of 30 schedules \\(\\d+%\\), [\\d,]+/s,"
        + " \\d+ s elapsed, no failure so far");
  }

  @Test
  void quietWhenDisabled() {
    ReportSettings.use(new ReportSettings(reports, false, 1));
    String out = captured(() -> Interleavings.configure().schedules(30).seed(5)
        .explore(Scenarios::synchronizedUpdate));

    assertThat(out).doesNotContain(" schedules (");
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
