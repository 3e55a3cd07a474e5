package dev.baton.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.scenarios.Scenarios;
import dev.baton.scenarios.TimelineScenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Loads the HTML timeline in a real headless Chromium: the DOM it builds has a lane per thread,
 * the failing step and the token; a screenshot is kept under {@code target/baton-browser/}.
 *
 * <p>Chromium is Debian's {@code chromium} package, installed by {@code ./test.sh}. Without it the
 * test is skipped with a line saying so, unless {@code -Dbaton.test.requireBrowser=true} (which
 * {@code ./test.sh} passes) makes a missing browser a failure.
 */
class BrowserReportTest {
  static final Path OUT = Path.of("target", "baton-browser").toAbsolutePath();

  @BeforeEach
  void reportIntoTarget() throws IOException {
    Files.createDirectories(OUT);
    ReportSettings.use(new ReportSettings(OUT, false, 10_000));
  }

  @AfterEach
  void backToDefaults() {
    ReportSettings.use(null);
  }

  @Test
  void chromiumShowsTheLanesAndTheFailingStep() throws Exception {
    Path chromium = chromium();
    InterleavingFailure failure = HtmlReportTest.explore(TimelineScenarios::fourTellersLoseAnAudit);
    Path html = HtmlReportTest.linked(failure, "Timeline");

    String dom = run(chromium, "--dump-dom", html.toUri().toString());
    assertThat(count(dom, "<th class=\"lane-head\"")).isEqualTo(5);
    assertThat(dom).contains("id=\"failing-step\"").contains(failure.replayToken())
        .contains("lost audit").contains("Copy token");
    // the page's own script ran in the browser: the buttons are wired
    assertThat(dom).contains("<script>");

    Path screenshot = OUT.resolve("timeline.png");
    Files.deleteIfExists(screenshot);
    run(chromium, "--screenshot=" + screenshot, "--window-size=1400,1000", html.toUri().toString());
    assertThat(screenshot).isRegularFile();
    assertThat(Files.size(screenshot)).as("a real picture, not a blank page").isGreaterThan(30_000);

  }

  @Test
  void theCopyButtonCopiesTheTokenAndTheLinkScrollsToTheFailingStep() throws Exception {
    Path chromium = chromium();
    InterleavingFailure failure = HtmlReportTest.explore(TimelineScenarios::fourTellersLoseAnAudit);
    Path html = HtmlReportTest.linked(failure, "Timeline");

    try (CdpPage page = CdpPage.open(chromium, 1400, 1000)) {
      page.load(html.toUri().toString());
      assertThat(page.evaluate("document.querySelectorAll('th.lane-head').length")).isEqualTo("5");
      // Catch what the button copies, by the clipboard API or by the copy command.
      page.evaluate("(function () {"
          + " if (navigator.clipboard) navigator.clipboard.writeText ="
          + "   function (t) { window.copiedText = t; return Promise.resolve(); };"
          + " document.addEventListener('copy', function (e) { window.copiedText = e.target.value; });"
          + "})()");
      page.evaluate("document.getElementById('copy-token').click()");
      String status = "";
      for (int i = 0; i < 50 && !status.equals("copied token"); i++) {
        Thread.sleep(50);
        status = page.evaluate("document.getElementById('copied').textContent");
      }
      assertThat(status).isEqualTo("copied token");
      assertThat(page.evaluate("window.copiedText")).isEqualTo(failure.replayToken());

      page.evaluate("document.querySelector('a[href=\"#failing-step\"]').click()");
      assertThat(Double.parseDouble(page.evaluate("window.scrollY"))).isGreaterThan(1000);
      assertThat(page.evaluate("(function () {"
          + " var r = document.getElementById('failing-step').getBoundingClientRect();"
          + " return r.top >= 0 && r.bottom <= window.innerHeight; })()")).isEqualTo("true");
      Path screenshot = OUT.resolve("failing-step.png");
      page.screenshot(screenshot);
      assertThat(Files.size(screenshot)).isGreaterThan(30_000);
    }
  }

  @Test
  void chromiumShowsADeadlocksEndRow() throws Exception {
    Path chromium = chromium();
    InterleavingFailure failure = HtmlReportTest.explore(Scenarios::synchronizedLockOrderDeadlock);
    Path html = HtmlReportTest.linked(failure, "Timeline");

    String dom = run(chromium, "--dump-dom", html.toUri().toString());
    assertThat(dom).contains("<tr class=\"end\">").containsPattern("waits to lock Object#\\d held by");
    Path screenshot = OUT.resolve("deadlock.png");
    Files.deleteIfExists(screenshot);
    run(chromium, "--screenshot=" + screenshot, "--window-size=1200,1250", html.toUri().toString());
    assertThat(screenshot).isRegularFile();
  }

  private static long count(String text, String what) {
    return Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
  }

  static Path chromium() {
    String configured = System.getProperty("baton.test.chromium", "/usr/bin/chromium");
    Path path = Path.of(configured);
    boolean present = Files.isExecutable(path);
    if (!present && Boolean.getBoolean("baton.test.requireBrowser")) {
      throw new AssertionError("Chromium is not at " + path + ": install Debian's chromium package"
          + " (./test.sh does) or point -Dbaton.test.chromium at it");
    }
    Assumptions.assumeTrue(present, "Chromium is not at " + path + ": browser test skipped"
        + " (./test.sh installs it and requires it)");
    return path;
  }

  /** Runs headless Chromium with the flags this machine needs; returns its standard output. */
  static String run(Path chromium, String... args) throws Exception {
    Path profile = Files.createTempDirectory("baton-chromium");
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path log = Files.createTempFile("baton-chromium", ".log");
    Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 120 s: " + command);
    }
    assertThat(p.exitValue()).as("chromium %s, its log:%n%s", command, Files.readString(log)).isZero();
    return out;
  }
}
