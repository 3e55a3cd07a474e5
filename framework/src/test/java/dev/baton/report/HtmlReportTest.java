package dev.baton.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Strategy;
import dev.baton.scenarios.Scenarios;
import dev.baton.scenarios.TimelineScenarios;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing exploration writes its HTML timeline and text trace, and its message links them. */
class HtmlReportTest {
  @TempDir Path reports;

  @BeforeEach
  void reportIntoTempDir() {
    System.setProperty("baton.reportDir", reports.toString());
    System.setProperty("baton.progress", "false");
  }

  @AfterEach
  void backToDefaults() {
    System.clearProperty("baton.reportDir");
    System.clearProperty("baton.progress");
  }

  @Test
  void fourThreadFailureGetsALaneEachAndItsFailingStepMarked() throws Exception {
    InterleavingFailure failure = explore(TimelineScenarios::fourTellersLoseAnAudit);
    Path html = linked(failure, "Timeline");
    Path text = linked(failure, "Full trace");

    assertThat(html).startsWith(reports).hasFileName("fourTellersLoseAnAudit.html");
    String page = Files.readString(html);
    assertThat(page)
        .contains("lost audit: audited = ")
        .contains("<code id=\"token\">" + failure.replayToken() + "</code>")
        .contains("id=\"copy-token\"")
        .contains("id=\"failing-step\"")
        .contains("badge pre\">preempted")
        .contains("holding")
        .doesNotContain("http://", "https://", "<link", "src=");
    for (String lane : new String[] {"main", "teller-1", "teller-2", "teller-3", "teller-4"}) {
      assertThat(page).contains("<th class=\"lane-head\" data-thread=\"" + lane + "\">");
    }
    assertThat(Pattern.compile("<th class=\"lane-head\"").matcher(page).results().count()).isEqualTo(5);
    int steps = steps(failure);
    assertThat(steps).isGreaterThan(150);
    assertThat(Pattern.compile("<tr class=\"step").matcher(page).results().count())
        .isBetween(20L, (long) steps);
    assertThat(Files.size(html)).as("a self-contained page that stays small").isLessThan(200_000);

    String trace = Files.readString(text);
    assertThat(trace).contains("-Dbaton.replay=" + failure.replayToken());
    assertThat(trace).contains(lastLine(failure));
  }

  @Test
  void longTraceIsFoldedInTheMessageButWholeInTheFile() throws Exception {
    InterleavingFailure failure = explore(TimelineScenarios::fourTellersLoseAnAudit);
    String message = failure.getMessage();
    String interleaving =
        message.substring(message.indexOf("Interleaving ("), message.indexOf("Replay this schedule"));

    assertThat(interleaving).contains("; folded):").contains(" folded ...");
    assertThat(interleaving.lines().count()).isLessThanOrEqualTo(TraceFormatter.FOLD_LIMIT + 20);
    // the end, where the failure is, is always there
    assertThat(interleaving).contains(lastLine(failure));
    String file = Files.readString(linked(failure, "Full trace"));
    assertThat(file).doesNotContain("folded").contains(failure.trace().lines().findFirst().orElseThrow());
  }

  @Test
  void deadlockShowsWhoWaitsForWhatAtTheEnd() throws Exception {
    InterleavingFailure failure = explore(Scenarios::synchronizedLockOrderDeadlock);
    String page = Files.readString(linked(failure, "Timeline"));

    assertThat(failure.getMessage()).contains("deadlock");
    assertThat(page).contains("<tr class=\"end\">").contains("blocked-at-end")
        .containsPattern("waits to lock Object#\\d held by thread-\\d").contains("badge blk\">blocks");
  }

  @Test
  void aReportDirectoryThatCannotBeWrittenIsSaidInTheMessage() throws Exception {
    Path file = Files.writeString(reports.resolve("not-a-directory"), "x");
    System.setProperty("baton.reportDir", file.toString());

    InterleavingFailure failure = explore(Scenarios::lostUpdate);

    assertThat(failure.getMessage()).contains("Baton could not write its HTML report")
        .contains("set baton.reportDir to a writable directory")
        .contains("-Dbaton.replay=" + failure.replayToken());
  }

  static InterleavingFailure explore(dev.baton.Scenario scenario) {
    return catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(Strategy.RANDOM).seed(7).schedules(500)
            .explore(scenario));
  }

  /** The file a line {@code label: file:///...} of the message links to. */
  static Path linked(InterleavingFailure failure, String label) {
    assertThat(failure).as("the scenario should have failed").isNotNull();
    Matcher m = Pattern.compile("(?m)^" + label + ": (file:\\S+)$").matcher(failure.getMessage());
    assertThat(m.find()).as(failure.getMessage()).isTrue();
    Path path = Path.of(URI.create(m.group(1)));
    assertThat(path).isRegularFile();
    return path;
  }

  static String lastLine(InterleavingFailure failure) {
    return failure.trace().lines().reduce((a, b) -> b).orElseThrow();
  }

  static int steps(InterleavingFailure failure) {
    Matcher m = Pattern.compile("Interleaving \\((\\d+) steps").matcher(failure.getMessage());
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
