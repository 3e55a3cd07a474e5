package dev.baton.jcstress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.baton.jcstress.fixtures.RacyCounterFixture;
import dev.baton.jcstress.fixtures.StoreBufferingFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * One real JCStress batch in the fast default mode (about 10 s on two cores) over a racy counter
 * and store buffering: results read from JCStress's binary file, graded, marked by Baton's
 * analysis, with JCStress's output in a log file and not on the console.
 */
class JCStressBatchTest {
  private static EngineExecutionResults results;
  private static String console;

  @BeforeAll
  static void runOneBatch() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true));
    try {
      results = EngineTestKit.engine("baton")
          .selectors(selectClass(RacyCounterFixture.class), selectClass(StoreBufferingFixture.class))
          .execute();
    } finally {
      System.setOut(original);
    }
    console = captured.toString();
    original.print(console);
  }

  private static Event finished(String className) {
    return results.testEvents().finished().list().stream()
        .filter(e -> e.getTestDescriptor().getParent().orElseThrow().getDisplayName()
            .equals(className))
        .findFirst().orElseThrow();
  }

  private static Map<String, String> entry(String className) {
    return results.allEvents().reportingEntryPublished().list().stream()
        .filter(e -> e.getTestDescriptor().getParent().orElseThrow().getDisplayName()
            .equals(className))
        .findFirst().orElseThrow()
        .getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs();
  }

  @Test
  void eachTestRunsInsideItsClassContainerOnceAndTheRaceFails() {
    results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    results.containerEvents().assertStatistics(s -> s.started(3).succeeded(3));
    assertThat(finished("RacyCounterFixture").getPayload(TestExecutionResult.class).orElseThrow()
        .getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
  }

  @Test
  void theRaceFailsWithTheOutcomeTableTheJvmConfigurationsAndBatonsTrace() {
    String message = finished("RacyCounterFixture").getPayload(TestExecutionResult.class)
        .orElseThrow().getThrowable().orElseThrow().getMessage();
    // JCStress ran: the acceptable outcome has a sample count, not "-".
    assertThat(message)
        .containsPattern("\\n\\s+2\\s+[0-9,]+\\s+Acceptable\\s+reachable by interleaving\\s+Both increments counted\\.")
        .containsPattern("\\n\\s+1\\s+[0-9,]+\\s+Forbidden\\s+reachable by interleaving\\s+Lost update\\.")
        .contains("JVM configurations: [")
        .contains("-XX:+UseSerialGC")
        .contains("Baton: a forbidden outcome is reachable by interleaving alone")
        .containsPattern("-Dbaton.replay=\\S+");
    Matcher log = Pattern.compile("JCStress log: (\\S+)").matcher(message);
    assertThat(log.find()).isTrue();
    assertThat(Path.of(log.group(1))).exists();
  }

  @Test
  void storeBufferingPassesAndItsInterleavingsAreMarked() {
    Map<String, String> entry = entry("StoreBufferingFixture");
    assertThat(entry.get("jcstress.status")).isEqualTo("NORMAL");
    String table = entry.get("jcstress.outcomes");
    // JCStress's and Baton's outcome strings are the same (the result's toString): one row each,
    // carrying JCStress's samples and Baton's mark.
    for (String outcome : List.of("0, 1", "1, 0")) {
      assertThat(table).containsPattern(
          "\\n\\s+" + outcome + "\\s+[1-9][0-9,]*\\s+Acceptable\\s+reachable by interleaving");
      assertThat(table.split("\\n\\s+" + outcome + "\\s", -1)).hasSize(2);
    }
    // 0, 0 is seen on most runs (x86 buffers stores); when it is, it is no interleaving.
    assertThat(table).doesNotContainPattern("0, 0\\s+[0-9,]+\\s+Interesting\\s+reachable");
    if (table.matches("(?s).*\\n\\s+0, 0\\s+[1-9].*")) {
      assertThat(table).containsPattern("0, 0\\s+[0-9,]+\\s+Interesting\\s+memory-model reordering only");
    }
  }

  @Test
  void jcstressOutputGoesToTheLogNotTheConsole() throws Exception {
    Path log = Path.of(entry("StoreBufferingFixture").get("jcstress.log"));
    assertThat(log).isEqualTo(Path.of(entry("RacyCounterFixture").get("jcstress.log")));
    String text = Files.readString(log);
    assertThat(text).contains("Java Concurrency Stress Tests")
        .contains("dev.baton.jcstress.fixtures.StoreBufferingFixture")
        .contains("dev.baton.jcstress.fixtures.RacyCounterFixture");
    assertThat(console).doesNotContain("Java Concurrency Stress Tests")
        .contains("[baton] RacyCounterFixture: JCStress")
        .contains("[baton] StoreBufferingFixture: JCStress passed");
  }
}
