package dev.baton.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.report.FailureTimeline.Blocked;
import dev.baton.report.FailureTimeline.Switch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlTimelineTest {
  private static FailureTimeline timeline(List<Step> steps, List<Switch> switches, List<Blocked> atEnd) {
    return new FailureTimeline("com.acme.T#m", "boom <b>", "Baton found it", "", List.of("main", "t-1"),
        steps, switches, atEnd, "TOKEN", "mvn test -Dbaton.replay=TOKEN");
  }

  @Test
  void escapesWhatTheProgramNamed() {
    List<Step> steps = List.of(new Step("main", "call Map.put(\"<script>\")", "A.m(A.java:1)"));
    String page = HtmlTimeline.render(timeline(steps, List.of(Switch.NONE), List.of()), null);

    assertThat(page).contains("boom &lt;b&gt;").contains("&lt;script&gt;").doesNotContain("<b>");
  }

  @Test
  void marksPreemptionsOnlyWhereAnotherThreadTookTheNextStep() {
    List<Step> steps = List.of(
        new Step("main", "write A.x", "A.m(A.java:1)"),
        new Step("main", "write A.y", "A.m(A.java:2)"),
        new Step("t-1", "read A.x", "A.n(A.java:5)"));
    String page = HtmlTimeline.render(
        timeline(steps, List.of(Switch.PREEMPTED, Switch.PREEMPTED, Switch.NONE), List.of()), null);

    String body = page.substring(page.indexOf("<tbody>"));
    assertThat(Pattern.compile("badge pre\">preempted").matcher(body).results().count()).isEqualTo(1);
    assertThat(page).contains("1 preemption &middot;");
  }

  @Test
  void tintsTheLaneOfAThreadHoldingAMonitorAndSaysWhoWaitsAtTheEnd() {
    List<Step> steps = List.of(
        new Step("t-1", "lock Object#1", "A.n(A.java:5)"),
        new Step("main", "write A.x", "A.m(A.java:1)"),
        new Step("main", "lock Object#1", "A.m(A.java:2)"));
    String page = HtmlTimeline.render(timeline(steps,
        List.of(Switch.PREEMPTED, Switch.NONE, Switch.BLOCKED),
        List.of(new Blocked("main", "waits to lock Object#1 held by t-1", "t-1", "A.m(A.java:2)"))), null);

    assertThat(page).containsPattern("class=\"lane[a-z ]* holding\" title=\"holds Object#1\"")
        .contains("waits to lock Object#1 held by t-1")
        .contains("<div class=\"holds\">", "holds Object#1</div>");
  }

  @Test
  void aHugeTraceKeepsItsStartAndEndRows() {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      steps.add(new Step(i % 2 == 0 ? "main" : "t-1", "write A.x", "A.m(A.java:" + i + ")"));
    }
    String page = HtmlTimeline.render(
        timeline(steps, Collections.nCopies(5000, Switch.PREEMPTED), List.of()), null);

    assertThat(Pattern.compile("<tr class=\"step").matcher(page).results().count())
        .isEqualTo(HtmlTimeline.MAX_ROWS);
    assertThat(page).contains("3800 rows omitted (steps 201 to 4000)").contains("A.java:4999")
        .contains("id=\"failing-step\"");
  }
}
