package dev.baton.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders an interleaving as aligned text: one line per step, numbered, labelled by thread, with a
 * source location; a marker where the baton passes to another thread; repeats collapsed (the same
 * step, or a short block of steps such as a loop's read and write); the middle of very long traces
 * elided.
 */
public final class TraceFormatter {
  /** Lines shown at most; the first and last ones are kept. */
  static final int MAX_LINES = 400;

  /** Lines kept from the start of a trace whose middle is elided. */
  static final int HEAD_LINES = 60;

  /** The longest block of steps whose repeats are collapsed. */
  static final int MAX_PERIOD = 8;

  private TraceFormatter() {}

  public static String format(List<Step> steps) {
    int threadWidth = 6;
    int actionWidth = 10;
    for (Step s : steps) {
      threadWidth = Math.max(threadWidth, s.thread().length());
      actionWidth = Math.min(48, Math.max(actionWidth, s.action().length()));
    }
    String line = "%s%5d  %-" + threadWidth + "s  %-" + actionWidth + "s  %s%s\n";
    List<String> lines = new ArrayList<>();
    String previousThread = null;
    for (int i = 0; i < steps.size(); ) {
      int[] block = repeatingBlock(steps, i);
      int period = block[0];
      int times = block[1];
      for (int j = i; j < i + period; j++) {
        Step s = steps.get(j);
        boolean switched = previousThread != null && !previousThread.equals(s.thread());
        String suffix = period == 1 && times > 1 ? "  (x" + times + ")" : "";
        lines.add(String.format(line, switched ? "->" : "  ", j + 1, s.thread(), s.action(),
            s.location(), suffix).stripTrailing() + "\n");
        previousThread = s.thread();
      }
      if (period > 1) {
        lines.add(String.format("  %5s  ... steps %d to %d repeat these %d steps %d more times ...\n",
            "", i + period + 1, i + period * times, period, times - 1));
      }
      i += period * times;
    }
    return elideMiddle(lines);
  }

  /**
   * The block at {@code from} that repeats over the most steps: {period, times}. A single step
   * counts from two occurrences, a longer block from three (two could be a coincidence).
   */
  private static int[] repeatingBlock(List<Step> steps, int from) {
    int bestPeriod = 1;
    int bestTimes = 1;
    for (int p = 1; p <= MAX_PERIOD && from + 2 * p <= steps.size(); p++) {
      int times = 1;
      while (from + (times + 1) * p <= steps.size() && sameBlock(steps, from, from + times * p, p)) {
        times++;
      }
      boolean counts = p == 1 ? times >= 2 : times >= 3;
      if (counts && p * times > bestPeriod * bestTimes) {
        bestPeriod = p;
        bestTimes = times;
      }
    }
    return new int[] {bestPeriod, bestTimes};
  }

  private static boolean sameBlock(List<Step> steps, int a, int b, int length) {
    for (int k = 0; k < length; k++) {
      if (!steps.get(a + k).equals(steps.get(b + k))) return false;
    }
    return true;
  }

  private static String elideMiddle(List<String> lines) {
    StringBuilder out = new StringBuilder();
    if (lines.size() <= MAX_LINES) {
      lines.forEach(out::append);
      return out.toString();
    }
    int tailFrom = lines.size() - (MAX_LINES - HEAD_LINES);
    for (int i = 0; i < HEAD_LINES; i++) out.append(lines.get(i));
    out.append(String.format("  %5s  ... %d lines omitted ...\n", "", tailFrom - HEAD_LINES));
    for (int i = tailFrom; i < lines.size(); i++) out.append(lines.get(i));
    return out.toString();
  }
}
