package dev.baton.strategy;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Finds the races of one run of {@link ExhaustivePolicy} with vector clocks and schedules their
 * reversals at the choice points of the search's path: a thread that can start the reversed order
 * is added to the alternatives of the choice point before the first step of the race, and also of
 * the choice point where that step's thread last got the baton (Coons et al.'s conservative point,
 * which keeps the reduction sound under a preemption bound). Two acquisitions of one monitor race
 * although the release between them orders them (see {@link Footprints#previousAcquisitions}).
 */
final class RaceAnalysis {
  /** Races whose steps lie further apart than this add every thread that can run (cheaper). */
  private static final int INITIALS_WINDOW = 512;

  /**
   * Runs with more steps than this are not analysed (the analysis is quadratic in the worst case):
   * every alternative of their choice points is explored, as without reduction.
   */
  static final int ANALYSED_STEPS = 20_000;

  private final Footprints f;
  private final List<ChoicePoint> nodes;
  private final int[][] clocks;

  /** @param nodes the search's path, whose choice points the run's steps name */
  RaceAnalysis(Footprints f, List<ChoicePoint> nodes) {
    this.f = f;
    this.nodes = nodes;
    this.clocks = new int[f.size][];
  }

  /**
   * Adds the alternatives; returns false when the run was too long to analyse and every option
   * of every choice point became an alternative instead.
   */
  boolean addBacktracks() {
    if (f.size > ANALYSED_STEPS) {
      for (ChoicePoint n : nodes) {
        if (!n.waiter) for (int id : n.options) n.backtrack.set(id);
      }
      return false;
    }
    int threads = f.maxThread() + 1;
    int[] last = new int[threads];
    Arrays.fill(last, -1);
    int[] counts = new int[threads];
    int lastGlobal = -1;
    int[] previousAcquisitions = f.previousAcquisitions();
    for (int j = 0; j < f.size; j++) {
      int p = f.threads[j];
      int[] c = last[p] >= 0 ? clocks[last[p]].clone() : new int[threads];
      int a = previousAcquisitions[j];
      if (a >= 0 && c[f.threads[a]] < clocks[a][f.threads[a]]) {
        // Only the monitor's own release orders the two acquisitions: either could come first.
        race(a, j, c.clone());
      }
      // Every step before the last global one happens before it, and so before j.
      for (int i = j - 1; i >= Math.max(lastGlobal, 0); i--) {
        int q = f.threads[i];
        if (q == p || c[q] >= clocks[i][q] || !f.dependent(i, j)) continue;
        race(i, j, c);
        join(c, clocks[i]);
      }
      c[p] = ++counts[p];
      clocks[j] = c;
      last[p] = j;
      if (f.global[j]) lastGlobal = j;
    }
    return true;
  }

  /**
   * Steps {@code i} and {@code j} race; {@code before} is what happens before {@code j} through
   * the steps between them. Schedules a thread that can start the reversed order at the choice
   * point of {@code i}, and at the one where {@code i}'s thread last got the baton.
   */
  private void race(int i, int j, int[] before) {
    BitSet initials = initials(i, j, before);
    addAt(f.nodes[i], initials, f.threads[j]);
    int b = i;
    while (b > 0 && f.threads[b - 1] == f.threads[i]) b--;
    if (b < i) addAt(f.nodes[b], initials, f.threads[j]);
  }

  /**
   * The threads whose first step among those after {@code i} that {@code i} does not order,
   * followed by {@code j}, depends on none of them: who can start the reversed order.
   */
  private BitSet initials(int i, int j, int[] before) {
    BitSet initials = new BitSet();
    if (j - i > INITIALS_WINDOW) {
      initials.set(0, f.maxThread() + 1); // too far apart to compute cheaply: anyone
      return initials;
    }
    int ti = f.threads[i];
    int ci = clocks[i][ti];
    int[] v = new int[j - i];
    int n = 0;
    for (int k = i + 1; k < j; k++) {
      if (clocks[k][ti] < ci) v[n++] = k;
    }
    for (int a = 0; a < n; a++) {
      int k = v[a];
      boolean first = true;
      for (int b = 0; b < a && first; b++) {
        int q = f.threads[v[b]];
        if (clocks[k][q] >= clocks[v[b]][q]) first = false;
      }
      if (first) initials.set(f.threads[k]);
    }
    boolean jFirst = true;
    for (int b = 0; b < n && jFirst; b++) {
      int q = f.threads[v[b]];
      if (before[q] >= clocks[v[b]][q]) jFirst = false;
    }
    if (jFirst) initials.set(f.threads[j]);
    return initials;
  }

  private void addAt(int node, BitSet initials, int preferred) {
    if (node < 0 || node >= nodes.size()) return; // the only thread that could run there
    ChoicePoint n = nodes.get(node);
    if (n.waiter) return;
    // The thread of the race's later step, when it can run here, always (Coons et al.): under a
    // preemption bound, another initial already scheduled here may lead only to members of the
    // reversed class with more preemptions than the bound allows, where this one needs none.
    if (initials.get(preferred) && n.offers(preferred)) {
      n.backtrack.set(preferred);
      return;
    }
    if (initials.intersects(n.backtrack)) return;
    for (int t = initials.nextSetBit(0); t >= 0; t = initials.nextSetBit(t + 1)) {
      if (n.offers(t)) {
        n.backtrack.set(t);
        return;
      }
    }
    // Nobody who could start the reversal could run there (a thread not started yet): the
    // two steps cannot be reversed from that point.
  }

  private void join(int[] into, int[] other) {
    for (int t = 0; t < into.length; t++) into[t] = Math.max(into[t], other[t]);
  }
}
