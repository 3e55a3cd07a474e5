package dev.baton.jcstress;

import dev.baton.jcstress.InterleavingAnalysis.Reachable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The outcome table of one test: JCStress's outcomes (with their samples, expectation and
 * description) and those only Baton reached, each marked by whether an interleaving alone
 * produces it.
 */
final class OutcomeTable {
  static final String REACHABLE = "reachable by interleaving";
  static final String REORDERING_ONLY = "memory-model reordering only";

  /** One line of the table. */
  record Line(String outcome, Long samples, ObservedTest.Grade grade, String interleaving) {}

  private final List<Line> lines;

  private OutcomeTable(List<Line> lines) {
    this.lines = List.copyOf(lines);
  }

  /**
   * @param observed JCStress's outcomes, or null when JCStress did not run
   * @param reachable Baton's analysis
   * @param grading how the test grades an outcome only Baton reached
   */
  static OutcomeTable of(ObservedTest observed, Reachable reachable,
      Function<String, ObservedTest.Grade> grading) {
    Map<String, Line> lines = new LinkedHashMap<>();
    if (observed != null) {
      for (ObservedTest.Row row : observed.rows()) {
        lines.put(row.outcome(),
            new Line(row.outcome(), row.samples(), row.grade(), mark(row.outcome(), reachable)));
      }
    }
    for (String outcome : reachable.outcomes()) {
      if (!lines.containsKey(outcome)) {
        lines.put(outcome, new Line(outcome, observed == null ? null : 0L,
            grading.apply(outcome), REACHABLE));
      }
    }
    List<Line> sorted = new ArrayList<>(lines.values());
    sorted.sort(java.util.Comparator.comparing(Line::outcome));
    return new OutcomeTable(sorted);
  }

  private static String mark(String outcome, Reachable reachable) {
    if (reachable.skipped() != null) return "not analysed";
    if (reachable.outcomes().contains(outcome)) return REACHABLE;
    if (reachable.replayed()) return "not analysed (replay)";
    return reachable.complete()
        ? REORDERING_ONLY
        : "not reached in " + reachable.schedules() + " interleavings";
  }

  List<Line> lines() {
    return lines;
  }

  /** The table as text, columns aligned, like JCStress's own. */
  String render() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"RESULT", "SAMPLES", "EXPECT", "INTERLEAVING", "DESCRIPTION"});
    for (Line l : lines) {
      rows.add(new String[] {l.outcome(),
          l.samples() == null ? "-" : String.format(Locale.ROOT, "%,d", l.samples()),
          l.grade().expect(), l.interleaving(), l.grade().description()});
    }
    int[] width = new int[4];
    for (String[] r : rows) {
      for (int i = 0; i < 4; i++) width[i] = Math.max(width[i], r[i].length());
    }
    StringBuilder b = new StringBuilder();
    for (String[] r : rows) {
      b.append("  ").append(pad(r[0], width[0], true)).append("  ")
          .append(pad(r[1], width[1], true)).append("  ")
          .append(pad(r[2], width[2], false)).append("  ")
          .append(pad(r[3], width[3], false)).append("  ").append(r[4]);
      b.append('\n');
    }
    return b.toString().replaceAll(" +\n", "\n");
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(width - s.length());
    return right ? fill + s : s + fill;
  }
}
