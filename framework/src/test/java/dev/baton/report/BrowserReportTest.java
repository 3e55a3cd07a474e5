package dev.baton.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.scenarios.Scenarios;
import dev.baton.scenarios.TimelineScenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Loads the HTML timeline in a real headless Chromium, driven over the DevTools protocol: the page
 * has a lane per thread, the failing step and the token; the copy button copies the token; the
 * link to the failing step scrolls there. Screenshots are kept under {@code
 * target/baton-browser/}: {@code timeline.png}, {@code failing-step.png}, {@code deadlock.png}.
 *
 * <p>Chromium is Debian's {@code chromium} package, installed by {@code ./test.sh}. Without it the
 * test is skipped with a line saying so, unless {@code -Dbaton.test.requireBrowser=true} (which
 * {@code ./test.sh} passes) makes a missing browser a failure. One browser serves the whole class.
 */
class BrowserReportTest {
  static final Path OUT = Path.of("target", "baton-browser").toAbsolutePath();

  private static CdpPage page;

  @BeforeAll
  static void startChromium() throws Exception {
    page = CdpPage.open(chromium(), 1400, 1000);
  }

  @AfterAll
  static void stopChromium() {
    if (page != null) page.close();
  }

  @BeforeEach
  void reportIntoTarget() throws IOException {
    Files.createDirectories(OUT);
    System.setProperty("baton.reportDir", OUT.toString());
    System.setProperty("baton.progress", "false");
  }

  @AfterEach
  void backToDefaults() {
    System.clearProperty("baton.reportDir");
    System.clearProperty("baton.progress");
  }

  @Test
  void chromiumShowsTheLanesAndTheFailingStep() throws Exception {
    InterleavingFailure failure = HtmlReportTest.explore(TimelineScenarios::fourTellersLoseAnAudit);
    page.load(HtmlReportTest.linked(failure, "Timeline").toUri().toString());

    assertThat(page.evaluate("Array.from(document.querySelectorAll('th.lane-head'))"
        + ".map(function (th) { return th.textContent; }).join(',')"))
        .isEqualTo("main,teller-1,teller-2,teller-3,teller-4");
    assertThat(page.evaluate("document.getElementById('headline').textContent"))
        .contains("lost audit");
    assertThat(page.evaluate("document.querySelectorAll('#failing-step .box.failing').length"))
        .isEqualTo("1");
    assertThat(page.evaluate("document.getElementById('token').textContent"))
        .isEqualTo(failure.replayToken());
    // every lane is laid out side by side, wide enough to read
    assertThat(Double.parseDouble(page.evaluate(
        "document.querySelector('th.lane-head').getBoundingClientRect().width"))).isGreaterThan(150);

    Path screenshot = OUT.resolve("timeline.png");
    page.screenshot(screenshot);
    assertThat(Files.size(screenshot)).as("a real picture, not a blank page").isGreaterThan(30_000);
  }

  @Test
  void theCopyButtonCopiesTheTokenAndTheLinkScrollsToTheFailingStep() throws Exception {
    InterleavingFailure failure = HtmlReportTest.explore(TimelineScenarios::fourTellersLoseAnAudit);
    page.load(HtmlReportTest.linked(failure, "Timeline").toUri().toString());

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

  @Test
  void chromiumShowsADeadlocksEndRow() throws Exception {
    InterleavingFailure failure = HtmlReportTest.explore(Scenarios::synchronizedLockOrderDeadlock);
    page.load(HtmlReportTest.linked(failure, "Timeline").toUri().toString());

    String endRow = page.evaluate("document.querySelector('tr.end').innerText");
    assertThat(endRow).containsPattern("waits to lock Object#\\d held by thread-\\d")
        .contains("holds Object#");
    page.evaluate("document.querySelector('tr.end').scrollIntoView({block: 'end'})");
    Path screenshot = OUT.resolve("deadlock.png");
    page.screenshot(screenshot);
    assertThat(screenshot).isRegularFile();
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
}
