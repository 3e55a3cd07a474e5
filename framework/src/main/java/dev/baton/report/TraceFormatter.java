package dev.baton.report;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Renders an interleaving as aligned text: one line per step, numbered, labelled by thread, with a
 * source location; a marker where the baton passes to another thread; repeats collapsed (the same
 * step, or a short block of steps such as a loop's read and write). Three lengths: {@link #format}
 * elides the middle of very long traces, {@link #fold} keeps a short message readable by showing
 * only the steps around thread switches and the end, and {@link #formatAll} (for the trace file)
 * keeps nearly everything.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TraceFormatter {
  /** Lines shown at most; the first and last ones are kept. */
  static final int MAX_LINES = 400;

  /** Lines kept from the start of a trace whose middle is elided. */
  static final int HEAD_LINES = 60;

  /** Lines the trace file keeps at most (a 100,000-step trace that nothing collapses). */
  static final int FILE_MAX_LINES = 20_000;

  /** The longest block of steps whose repeats are collapsed. */
  static final int MAX_PERIOD = 8;

  /** A trace of at most this many lines is never folded. */
  static final int FOLD_LIMIT = 50;

  /** Lines a folded trace keeps from its end, where the failure is. */
  static final int FOLD_TAIL = 12;

  /** Lines a folded trace keeps from its start (the setup). */
  static final int FOLD_HEAD = 3;

  /**
   * Lines a folded trace keeps after a switch, up to the next one: what the thread switched to
   * did there (the write between another thread's read and write is the race itself).
   */
  static final int FOLD_AFTER_SWITCH = 3;

  private TraceFormatter() {}

  /** One rendered line; {@code step} is the 0-based first step it shows, -1 for a note. */
  private record Line(String text, int step, boolean switched) {}

  public static String format(List<Step> steps) {
    return elideMiddle(lines(steps), MAX_LINES, HEAD_LINES);
  }

  /** The whole trace for a file: repeats collapsed, the middle elided only past 20,000 lines. */
  public static String formatAll(List<Step> steps) {
    return elideMiddle(lines(steps), FILE_MAX_LINES, FILE_MAX_LINES / 4);
  }

  /**
   * The trace folded for a failure message: short traces in full; longer ones keep the first
   * steps, every timeout and spurious wakeup, each switch with the step before it and the few
   * steps after it up to the next switch (the latest switches first when there are too many), and
   * the last steps (as many more as the budget leaves), and say how many steps each fold hides.
   */
  public static String fold(List<Step> steps) {
    List<Line> lines = lines(steps);
    if (lines.size() <= FOLD_LIMIT) return join(lines);
    boolean[] keep = new boolean[lines.size()];
    int kept = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (i < FOLD_HEAD || i >= lines.size() - FOLD_TAIL) {
        keep[i] = true;
        kept++;
      }
    }
    // Decisions other than who runs (a deadline firing, a spurious wakeup) always stay.
    for (int i = FOLD_HEAD; i < lines.size() - FOLD_TAIL; i++) {
      int step = lines.get(i).step();
      if (step < 0 || !isTimeDecision(steps.get(step))) continue;
      for (int j = i; j >= Math.max(FOLD_HEAD, i - 1); j--) {
        if (!keep[j]) {
          keep[j] = true;
          kept++;
        }
      }
    }
    // Context of switches, from the failure backwards, while the budget lasts.
    for (int i = lines.size() - FOLD_TAIL - 1; i >= FOLD_HEAD && kept < FOLD_LIMIT; i--) {
      if (!lines.get(i).switched()) continue;
      int last = i;
      while (last + 1 < lines.size() && last < i + FOLD_AFTER_SWITCH
          && !lines.get(last + 1).switched()) {
        last++;
      }
      for (int j = last; j >= Math.max(FOLD_HEAD, i - 1); j--) {
        if (!keep[j]) {
          keep[j] = true;
          kept++;
        }
      }
    }
    // Budget left (few switches: one thread ran long on its own) shows more of the steps that led
    // to the failure, from the end backwards.
    for (int i = lines.size() - FOLD_TAIL - 1; i >= FOLD_HEAD && kept < FOLD_LIMIT; i--) {
      if (!keep[i]) {
        keep[i] = true;
        kept++;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); ) {
      if (keep[i]) {
        out.append(lines.get(i++).text());
        continue;
      }
      int from = i;
      while (i < lines.size() && !keep[i]) i++;
      if (i - from == 1) {
        out.append(lines.get(from).text());
        continue;
      }
      int firstStep = firstStep(lines, from, i);
      int lastStep = (i < lines.size() ? firstStep(lines, i, lines.size()) : steps.size()) - 1;
      out.append(String.format("  %5s  ... steps %d to %d folded ...\n", "", firstStep + 1,
          lastStep + 1));
    }
    return out.toString();
  }

  /** A step that shows a decision of the schedule besides who runs: a timeout, a spurious wakeup. */
  private static boolean isTimeDecision(Step step) {
    return step.action().startsWith("timed out") || step.action().equals("woke up spuriously");
  }

  private static int firstStep(List<Line> lines, int from, int to) {
    for (int i = from; i < to; i++) {
      if (lines.get(i).step() >= 0) return lines.get(i).step();
    }
    return -1;
  }

  private static List<Line> lines(List<Step> steps) {
    int threadWidth = 6;
    int actionWidth = 10;
    for (Step s : steps) {
      threadWidth = Math.max(threadWidth, s.thread().length());
      actionWidth = Math.min(48, Math.max(actionWidth, s.action().length()));
    }
    String line = "%s%5d  %-" + threadWidth + "s  %-" + actionWidth + "s  %s%s\n";
    List<Line> lines = new ArrayList<>();
    String previousThread = null;
    for (int i = 0; i < steps.size(); ) {
      int[] block = repeatingBlock(steps, i);
      int period = block[0];
      int times = block[1];
      for (int j = i; j < i + period; j++) {
        Step s = steps.get(j);
        boolean switched = previousThread != null && !previousThread.equals(s.thread());
        String suffix = period == 1 && times > 1 ? "  (x" + times + ")" : "";
        lines.add(new Line(String.format(line, switched ? "->" : "  ", j + 1, s.thread(),
            s.action(), s.location(), suffix).stripTrailing() + "\n", j, switched));
        previousThread = s.thread();
      }
      if (period > 1) {
        lines.add(new Line(String.format(
            "  %5s  ... steps %d to %d repeat these %d steps %d more times ...\n",
            "", i + period + 1, i + period * times, period, times - 1), -1, false));
      }
      i += period * times;
    }
    return lines;
  }

  /**
   * The block at {@code from} that repeats over the most steps: {period, times}. A single step
   * counts from two occurrences, a longer block from three (two could be a coincidence).
   */
  static int[] repeatingBlock(List<Step> steps, int from) {
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

  private static String join(List<Line> lines) {
    StringBuilder out = new StringBuilder();
    lines.forEach(l -> out.append(l.text()));
    return out.toString();
  }

  private static String elideMiddle(List<Line> lines, int maxLines, int headLines) {
    if (lines.size() <= maxLines) return join(lines);
    StringBuilder out = new StringBuilder();
    int tailFrom = lines.size() - (maxLines - headLines);
    for (int i = 0; i < headLines; i++) out.append(lines.get(i).text());
    out.append(String.format("  %5s  ... %d lines omitted ...\n", "", tailFrom - headLines));
    for (int i = tailFrom; i < lines.size(); i++) out.append(lines.get(i).text());
    return out.toString();
  }
}
