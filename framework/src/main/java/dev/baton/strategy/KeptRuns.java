package dev.baton.strategy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The runs of {@link ExhaustivePolicy}'s earlier rounds, kept (up to a memory limit) so that a
 * later round walks through them instead of running them again. A run, as the search saw it, is
 * the shape of each choice point and the steps. The run a prefix leads to is the prefix plus
 * default choices: it is kept under the prefix up to its last choice that was not the default.
 */
final class KeptRuns {
  /** Ints the kept runs of earlier rounds may hold before new runs are no longer kept. */
  private static final long KEPT_LIMIT = 4_000_000;

  private record KeptRun(int[] choices, int[][] options, int[] currents, boolean[] waiters,
      Footprints steps) {}

  private final Map<Long, KeptRun> kept = new HashMap<>();
  private long keptSize;

  /** Keeps the run the tree's path describes, with its steps (null without reduction). */
  void keep(ChoiceTree tree, int[] choices, Footprints steps) {
    if (keptSize > KEPT_LIMIT) return;
    int last = -1;
    int n = tree.size();
    for (int i = 0; i < n; i++) {
      if (tree.get(i).chosen != tree.get(i).defaultChoice()) last = i;
    }
    int[][] options = new int[n][];
    int[] currents = new int[n];
    boolean[] waiters = new boolean[n];
    for (int i = 0; i < n; i++) {
      ChoicePoint point = tree.get(i);
      options[i] = point.options;
      currents[i] = point.current;
      waiters[i] = point.waiter;
      keptSize += point.options.length + 2;
    }
    keptSize += steps == null ? 0 : steps.weight();
    kept.putIfAbsent(fingerprint(choices, last + 1), new KeptRun(choices, options, currents,
        waiters, steps));
  }

  /**
   * If the run that the first {@code length} choices of the tree lead to was kept, walks through
   * it as if it had run again: its choice points join the tree. Returns whether it did; its steps,
   * for the race analysis, go to {@code walked}.
   */
  boolean walk(ChoiceTree tree, int length, java.util.function.Consumer<Footprints> walked) {
    int[] prefix = tree.choices(length);
    KeptRun k = kept.get(fingerprint(prefix, length));
    if (k == null || k.choices.length < length
        || !Arrays.equals(k.choices, 0, length, prefix, 0, length)) {
      return false;
    }
    int before = tree.preemptionsOfPath();
    for (int d = length; d < k.choices.length; d++) {
      ChoicePoint point = tree.newPoint(k.options[d], k.currents[d], k.waiters[d], before);
      if (point.chosen != k.choices[d]) { // cannot happen: kept runs end in default choices
        tree.truncate(length);
        return false;
      }
      tree.add(point);
      before += point.preempts(point.chosen) ? 1 : 0;
    }
    if (k.steps != null) walked.accept(k.steps);
    return true;
  }

  /** A hash of the first {@code length} choices. */
  static long fingerprint(int[] choices, int length) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < length; i++) h = (h ^ (choices[i] + 1)) * 0x100000001B3L;
    return h ^ length;
  }
}
