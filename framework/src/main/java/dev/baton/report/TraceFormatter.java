package dev.baton.report;

import java.util.List;

/**
 * Renders an interleaving as aligned text: one line per step, numbered, labelled by thread, with a
 * source location; a marker where the baton passes to another thread; repeats of the same step
 * collapsed; the middle of very long traces elided.
 */
public final class TraceFormatter {
  /** Steps shown at most; the first and last ones are kept. */
  static final int MAX_LINES = 400;

  private TraceFormatter() {}

  public static String format(List<Step> steps) {
    StringBuilder out = new StringBuilder();
    int threadWidth = 6;
    int actionWidth = 10;
    for (Step s : steps) {
      threadWidth = Math.max(threadWidth, s.thread().length());
      actionWidth = Math.min(48, Math.max(actionWidth, s.action().length()));
    }
    int lines = 0;
    int total = countLines(steps);
    int skipFrom = total > MAX_LINES ? 60 : Integer.MAX_VALUE;
    int skipTo = total > MAX_LINES ? total - (MAX_LINES - 60) : -1;
    String previousThread = null;
    for (int i = 0; i < steps.size(); ) {
      Step s = steps.get(i);
      int repeat = 1;
      while (i + repeat < steps.size() && steps.get(i + repeat).equals(s)) repeat++;
      lines++;
      if (lines >= skipFrom && lines < skipTo) {
        if (lines == skipFrom) {
          out.append(String.format("  %5s  ... %d lines omitted ...\n", "", skipTo - skipFrom));
        }
      } else {
        boolean switched = previousThread != null && !previousThread.equals(s.thread());
        out.append(String.format("%s%5d  %-" + threadWidth + "s  %-" + actionWidth + "s  %s%s\n",
            switched ? "->" : "  ", i + 1, s.thread(), s.action(), s.location(),
            repeat > 1 ? "  (x" + repeat + ")" : ""));
      }
      previousThread = s.thread();
      i += repeat;
    }
    return out.toString();
  }

  private static int countLines(List<Step> steps) {
    int lines = 0;
    for (int i = 0; i < steps.size(); ) {
      int repeat = 1;
      while (i + repeat < steps.size() && steps.get(i + repeat).equals(steps.get(i))) repeat++;
      lines++;
      i += repeat;
    }
    return lines;
  }
}
