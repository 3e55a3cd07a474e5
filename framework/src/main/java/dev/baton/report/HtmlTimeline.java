package dev.baton.report;

import dev.baton.report.FailureTimeline.Blocked;
import dev.baton.report.FailureTimeline.Switch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Renders a {@link FailureTimeline} as one self-contained HTML page (no scripts, fonts or styles
 * from the network): a header with what failed and the replay token with a copy button, then a
 * timeline with one lane per thread, where each step is a box with its operation and source line
 * in its thread's lane. A preemption, a thread blocking and a thread giving way are badges on the
 * step after which they happened; a lane is drawn dashed while its thread waits, and tinted while
 * it holds a monitor; the failing step is highlighted, and a last row shows what every thread
 * still blocked waits for and who holds it.
 *
 * <p>Repeats are collapsed as in the text trace, and a trace of more than {@value #MAX_ROWS} rows
 * keeps its first {@value #HEAD_ROWS} and its last rows, so a 100,000-step loop stays small.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class HtmlTimeline {
  /** Rows shown at most. */
  static final int MAX_ROWS = 1200;

  /** Rows kept from the start of a trace that has more than {@link #MAX_ROWS}. */
  static final int HEAD_ROWS = 200;

  private HtmlTimeline() {}

  /** A row of the timeline: a step (maybe repeated), or a note across all lanes. */
  private record Row(int step, int times, String note, LaneState[] lanes) {}

  /** What a lane shows beside another thread's step. */
  private record LaneState(boolean alive, boolean waiting, String holds) {}

  /**
   * The page for {@code timeline}; {@code traceFileName} (a sibling file), when not null, is linked
   * as the full text trace.
   */
  public static String render(FailureTimeline timeline, String traceFileName) {
    List<String> threads = timeline.threads();
    List<Step> steps = timeline.steps();
    Map<String, Integer> lane = new LinkedHashMap<>();
    for (String t : threads) lane.putIfAbsent(t, lane.size());
    for (Step s : steps) lane.putIfAbsent(s.thread(), lane.size());
    int lanes = lane.size();

    // Lane states, followed over every step so that the rows shown are right after folds.
    boolean[] alive = new boolean[lanes];
    boolean[] waiting = new boolean[lanes];
    List<Map<String, Integer>> held = new ArrayList<>();
    for (int i = 0; i < lanes; i++) held.add(new LinkedHashMap<>());
    if (lanes > 0) alive[0] = true;
    List<Row> rows = new ArrayList<>();
    int preemptions = 0;
    for (int i = 0; i < steps.size(); ) {
      int[] block = TraceFormatter.repeatingBlock(steps, i);
      int period = block[0];
      int times = block[1];
      for (int j = i; j < i + period; j++) {
        rows.add(new Row(j, period == 1 ? times : 1, null, snapshot(alive, waiting, held)));
      }
      if (period > 1) {
        rows.add(new Row(-1, 0, "steps " + (i + period + 1) + " to " + (i + period * times)
            + " repeat these " + period + " steps " + (times - 1) + " more times", null));
      }
      for (int j = i; j < i + period * times; j++) {
        Step s = steps.get(j);
        int t = lane.get(s.thread());
        alive[t] = true;
        waiting[t] = false;
        String[] words = s.action().split(" ", 2);
        if (words.length == 2 && words[0].equals("lock")) held.get(t).merge(words[1], 1, Integer::sum);
        if (words.length == 2 && words[0].equals("unlock")) {
          held.get(t).computeIfPresent(words[1], (k, n) -> n == 1 ? null : n - 1);
        }
        if (words[0].equals("start") && words.length == 2 && lane.containsKey(words[1])) {
          alive[lane.get(words[1])] = true;
        }
        if (s.action().equals("end")) alive[t] = false;
        Switch how = switchAfter(timeline, j);
        if (how == Switch.BLOCKED && alive[t]) waiting[t] = true;
        if (how == Switch.PREEMPTED) preemptions++;
      }
      i += period * times;
    }
    if (rows.size() > MAX_ROWS) {
      List<Row> folded = new ArrayList<>(rows.subList(0, HEAD_ROWS));
      int tailFrom = rows.size() - (MAX_ROWS - HEAD_ROWS);
      folded.add(new Row(-1, 0, (tailFrom - HEAD_ROWS) + " rows omitted (steps "
          + (firstStep(rows, HEAD_ROWS) + 1) + " to " + firstStep(rows, tailFrom)
          + "); the text trace has them", null));
      folded.addAll(rows.subList(tailFrom, rows.size()));
      rows = folded;
    }

    StringBuilder h = new StringBuilder(16_384 + rows.size() * (120 + 40 * lanes));
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Baton: ")
        .append(esc(timeline.scenarioId())).append("</title>\n<style>").append(CSS)
        .append("</style></head>\n<body>\n<header>\n<div class=\"test\">")
        .append(esc(timeline.scenarioId())).append("</div>\n<h1 id=\"headline\">")
        .append(esc(timeline.headline())).append("</h1>\n<p class=\"found\">")
        .append(esc(timeline.found())).append("</p>\n");
    h.append("<div class=\"replay\"><span class=\"label\">Replay token</span><code id=\"token\">")
        .append(esc(timeline.token())).append("</code><button type=\"button\" id=\"copy-token\""
            + " data-copy=\"token\">Copy token</button>\n");
    h.append("<span class=\"label\">Replay with</span><code id=\"command\">")
        .append(esc(timeline.replayCommand())).append("</code><button type=\"button\""
            + " id=\"copy-command\" data-copy=\"command\">Copy command</button></div>\n"
            + "<div id=\"copied\" role=\"status\"></div>\n");
    h.append("<p class=\"stats\">").append(steps.size()).append(steps.size() == 1 ? " step, " : " steps, ")
        .append(lanes).append(lanes == 1 ? " thread, " : " threads, ").append(preemptions)
        .append(preemptions == 1 ? " preemption" : " preemptions")
        .append(" &middot; <a href=\"#failing-step\">jump to the failing step</a>");
    if (traceFileName != null) {
      h.append(" &middot; <a href=\"").append(esc(traceFileName)).append("\">the trace as text</a>");
    }
    h.append("</p>\n<p class=\"legend\"><span class=\"badge pre\">preempted</span> the strategy"
        + " switched away from a thread that could go on <span class=\"badge blk\">blocks</span>"
        + " the thread waits (dashed lane) <span class=\"badge yld\">yields</span> it gave way"
        + " <span class=\"swatch hold\"></span> holds a monitor <span class=\"swatch fail\"></span>"
        + " the failing step</p>\n");
    if (!timeline.details().isBlank()) {
      h.append("<details><summary>Details and stacks</summary><pre>")
          .append(esc(timeline.details())).append("</pre></details>\n");
    }
    h.append("</header>\n<main>\n<table id=\"timeline\" class=\"lanes-").append(lanes)
        .append("\">\n<thead><tr><th class=\"num\">step</th>");
    for (String name : lane.keySet()) {
      h.append("<th class=\"lane-head\" data-thread=\"").append(esc(name)).append("\">")
          .append(esc(name)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    int failing = steps.size() - 1;
    String previousThread = null;
    for (Row row : rows) {
      if (row.note() != null) {
        h.append("<tr class=\"note\"><td class=\"num\"></td><td colspan=\"").append(lanes)
            .append("\">&hellip; ").append(esc(row.note())).append(" &hellip;</td></tr>\n");
        previousThread = null;
        continue;
      }
      Step s = steps.get(row.step());
      int t = lane.get(s.thread());
      boolean switched = previousThread != null && !previousThread.equals(s.thread());
      previousThread = s.thread();
      int last = row.step() + row.times() - 1;
      boolean isFailing = row.step() <= failing && failing <= last;
      h.append("<tr class=\"step").append(switched ? " switch" : "").append("\"")
          .append(isFailing ? " id=\"failing-step\"" : "").append(">");
      h.append("<td class=\"num\">").append(row.step() + 1).append("</td>");
      for (int l = 0; l < lanes; l++) {
        if (l != t) {
          LaneState st = row.lanes()[l];
          h.append("<td class=\"lane").append(st.alive() ? st.waiting() ? " waiting" : " ready" : "")
              .append(st.holds() != null ? " holding\" title=\"holds " + esc(st.holds()) : "")
              .append("\"></td>");
          continue;
        }
        LaneState st = row.lanes()[l];
        h.append("<td class=\"lane active").append(st.holds() != null ? " holding" : "")
            .append("\"><div class=\"box ").append(kind(s.action())).append(isFailing ? " failing" : "")
            .append("\" title=\"").append(esc(s.action() + "\n" + s.location()))
            .append("\"><span class=\"op\">").append(esc(shortNames(s.action()))).append("</span>");
        if (row.times() > 1) h.append(" <span class=\"times\">&times;").append(row.times()).append("</span>");
        Switch how = switchAfter(timeline, last);
        if (how == Switch.PREEMPTED) h.append(" <span class=\"badge pre\">preempted</span>");
        if (how == Switch.BLOCKED && !s.action().equals("end")) h.append(" <span class=\"badge blk\">blocks</span>");
        if (how == Switch.YIELDED) h.append(" <span class=\"badge yld\">yields</span>");
        if (isFailing) h.append(" <span class=\"badge fail\">failing step</span>");
        if (!s.location().isEmpty()) {
          h.append("<div class=\"loc\">").append(esc(shortLocation(s.location()))).append("</div>");
        }
        h.append("</div></td>");
      }
      h.append("</tr>\n");
    }
    h.append(endRow(timeline, lane, alive, held));
    h.append("</tbody></table>\n</main>\n<script>").append(SCRIPT).append("</script>\n</body></html>\n");
    return h.toString();
  }

  /** The last row: what each thread is doing when the schedule ended. */
  private static String endRow(FailureTimeline timeline, Map<String, Integer> lane, boolean[] alive,
      List<Map<String, Integer>> held) {
    Map<String, Blocked> blocked = new LinkedHashMap<>();
    for (Blocked b : timeline.atEnd()) blocked.put(b.thread(), b);
    StringBuilder h = new StringBuilder("<tr class=\"end\"><td class=\"num\">end</td>");
    for (String name : lane.keySet()) {
      int l = lane.get(name);
      Blocked b = blocked.get(name);
      String holds = held.get(l).isEmpty() ? null : String.join(", ", held.get(l).keySet());
      h.append("<td class=\"lane\">");
      if (b != null) {
        h.append("<div class=\"box blocked-at-end\"><span class=\"op\">").append(esc(b.waitsFor()))
            .append("</span>");
        if (holds != null) h.append("<div class=\"holds\">holds ").append(esc(holds)).append("</div>");
        if (!b.location().isEmpty()) h.append("<div class=\"loc\">").append(esc(shortLocation(b.location()))).append("</div>");
        h.append("</div>");
      } else if (alive[l] || holds != null) {
        h.append("<div class=\"state\">").append(holds != null ? "holds " + esc(holds) : "running")
            .append("</div>");
      } else {
        h.append("<div class=\"state\">ended</div>");
      }
      h.append("</td>");
    }
    return h.append("</tr>\n").toString();
  }

  private static final Pattern OUTER_CLASSES = Pattern.compile("\\b[A-Za-z0-9_]+\\$(?=[A-Za-z])");
  private static final Pattern LOCATION = Pattern.compile("(.*)\\.([^.(]+)\\(([^)]*)\\)");

  /** {@code read Ledger.total} for {@code read TimelineScenarios$Ledger.total}: the box is narrow. */
  static String shortNames(String action) {
    return OUTER_CLASSES.matcher(action).replaceAll("");
  }

  /** {@code TimelineScenarios.java:18 · post} for {@code TimelineScenarios$Ledger.post(TimelineScenarios.java:18)}. */
  static String shortLocation(String location) {
    Matcher m = LOCATION.matcher(location);
    if (!m.matches()) return location;
    return m.group(3) + " \u00b7 " + m.group(2);
  }

  /**
   * How the baton left the thread of {@code step}; {@code NONE} when the same thread takes the next
   * step anyway (the baton went to a thread that gave it back before doing anything recorded).
   */
  private static Switch switchAfter(FailureTimeline timeline, int step) {
    if (step >= timeline.switches().size()) return Switch.NONE;
    List<Step> steps = timeline.steps();
    if (step + 1 < steps.size() && steps.get(step + 1).thread().equals(steps.get(step).thread())) {
      return Switch.NONE;
    }
    return timeline.switches().get(step);
  }

  private static LaneState[] snapshot(boolean[] alive, boolean[] waiting, List<Map<String, Integer>> held) {
    LaneState[] lanes = new LaneState[alive.length];
    for (int i = 0; i < lanes.length; i++) {
      lanes[i] = new LaneState(alive[i], waiting[i],
          held.get(i).isEmpty() ? null : String.join(", ", held.get(i).keySet()));
    }
    return lanes;
  }

  private static int firstStep(List<Row> rows, int from) {
    for (int i = from; i < rows.size(); i++) {
      if (rows.get(i).step() >= 0) return rows.get(i).step();
    }
    return -1;
  }

  /** The box's colour family, from the operation's verb. */
  private static String kind(String action) {
    String verb = action.split(" ", 2)[0];
    return switch (verb) {
      case "read", "write" -> "k-mem";
      case "lock", "unlock", "wait", "notify", "notifyAll" -> "k-sync";
      case "park", "unpark", "join", "start", "end", "sleep", "timed", "woke", "interrupt" -> "k-thread";
      default -> "k-call";
    };
  }

  static String esc(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static final String CSS = """
      :root{--fail:#c62828;--pre:#d84315;--blk:#6a1b9a;--yld:#00796b;--hold:#fff3c4;--line:#b0bec5}
      *{box-sizing:border-box}
      body{font:13px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f23;background:#fafbfc}
      header{padding:14px 20px 8px;background:#fff;border-bottom:1px solid #e1e4e8}
      .test{color:#57606a;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
      h1{font-size:18px;margin:4px 0;color:var(--fail);font-weight:600;white-space:pre-wrap}
      .found{margin:2px 0 8px;color:#24292f}
      .replay{margin:6px 0;display:grid;grid-template-columns:max-content minmax(0,1fr) max-content;gap:4px 8px;align-items:center}
      .replay .label{color:#57606a}
      .replay code{background:#f3f4f6;border:1px solid #d0d7de;border-radius:4px;padding:2px 6px;font:11px/1.4 ui-monospace,Menlo,Consolas,monospace;word-break:break-all;max-height:calc(2.8em + 4px);overflow:auto}
      button{font:12px system-ui,sans-serif;padding:3px 10px;border:1px solid #d0d7de;border-radius:4px;background:#f6f8fa;cursor:pointer}
      button:hover{background:#eaeef2}
      #copied{color:var(--yld);min-height:0}
      .stats,.legend{margin:6px 0;color:#57606a}
      .legend .swatch{display:inline-block;width:14px;height:12px;border:1px solid #d0d7de;vertical-align:middle;margin-left:10px}
      .swatch.hold{background:var(--hold)} .swatch.fail{background:#ffebee;border-color:var(--fail)}
      details pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:320px;font-size:12px}
      main{padding:0 20px 30px}
      table{border-collapse:separate;border-spacing:0;margin-top:10px;width:100%;table-layout:fixed}
      th{position:sticky;top:0;background:#24292f;color:#fff;padding:6px 8px;font-weight:600;text-align:left;z-index:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
      th.num,td.num{width:52px;text-align:right;color:#8c959f;padding-right:8px;font-variant-numeric:tabular-nums}
      th.num{color:#d0d7de}
      td{vertical-align:top;padding:1px 6px}
      td.lane{position:relative;border-left:1px solid #eaeef2}
      td.lane.ready::before,td.lane.waiting::before{content:"";position:absolute;left:50%;top:0;bottom:0;border-left:2px solid var(--line)}
      td.lane.waiting::before{border-left:2px dashed var(--blk);opacity:.6}
      td.lane.holding{background:var(--hold)}
      tr.switch td{border-top:2px solid #d0d7de}
      .box{position:relative;z-index:1;border:1px solid #d0d7de;border-left-width:4px;border-radius:4px;padding:2px 6px;background:#fff;overflow-wrap:anywhere}
      .box .op{font-weight:600;overflow-wrap:anywhere;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
      .box .loc{color:#57606a;font-size:11px;font-family:ui-monospace,Menlo,Consolas,monospace}
      .k-mem{border-left-color:#1f6feb} .k-sync{border-left-color:#bf8700} .k-thread{border-left-color:#8250df} .k-call{border-left-color:#57606a}
      .box.failing{background:#ffebee;border-color:var(--fail);box-shadow:0 0 0 2px var(--fail)}
      .box.blocked-at-end{background:#f3e5f5;border-color:var(--blk)}
      .holds{font-size:11px;color:#7d4e00}
      .state{color:#8c959f;font-style:italic;padding:2px 6px}
      .times{font-weight:600;color:#57606a}
      .badge{display:inline-block;font-size:10px;font-weight:600;padding:0 5px;border-radius:8px;color:#fff;vertical-align:1px}
      .badge.pre{background:var(--pre)} .badge.blk{background:var(--blk)} .badge.yld{background:var(--yld)} .badge.fail{background:var(--fail)}
      tr.note td{color:#57606a;font-style:italic;text-align:center;background:#f6f8fa;padding:4px}
      tr.end td{border-top:2px solid #24292f;padding-top:4px}
      """;

  private static final String SCRIPT = """
      document.querySelectorAll('button[data-copy]').forEach(function (b) {
        b.addEventListener('click', function () {
          var text = document.getElementById(b.dataset.copy).textContent;
          var done = function () { document.getElementById('copied').textContent = 'copied ' + b.dataset.copy; };
          if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
          } else { fallback(text); done(); }
        });
      });
      function fallback(text) {
        var area = document.createElement('textarea');
        area.value = text; document.body.appendChild(area); area.select();
        try { document.execCommand('copy'); } finally { document.body.removeChild(area); }
      }
      """;
}
