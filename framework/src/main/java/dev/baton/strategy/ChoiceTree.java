package dev.baton.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * The path of {@link ExhaustivePolicy}'s depth-first search through the choice tree: the choice
 * points of the current schedule, each with the alternatives left to try there.
 */
final class ChoiceTree {
  private final boolean reduce;
  private final List<ChoicePoint> points = new ArrayList<>();
  private int depth;
  private int preemptions;
  private boolean boundCut;
  private boolean nondeterministic;

  /** @param reduce whether races decide the alternatives (off: every option of every point) */
  ChoiceTree(boolean reduce) {
    this.reduce = reduce;
  }

  /** A schedule starts at the root. */
  void begin() {
    depth = 0;
    preemptions = 0;
  }

  /** The depth of the next choice point. */
  int depth() {
    return depth;
  }

  /** Preemptions of the schedule so far. */
  int preemptions() {
    return preemptions;
  }

  /**
   * The choice point at the current depth, the one the previous runs left there or a new one, and
   * goes one deeper.
   */
  ChoicePoint next(ThreadView[] options, int count, int currentId, boolean waiter) {
    int d = depth++;
    ChoicePoint point = null;
    if (d < points.size()) {
      point = points.get(d);
      if (!point.matches(options, count, currentId, waiter)) {
        // The same choices led somewhere else: the scenario depends on something Baton does not
        // control. Go on from here as if the point were new.
        nondeterministic = true;
        truncate(d);
        point = null;
      }
    }
    if (point == null) {
      int[] ids = new int[count];
      for (int i = 0; i < count; i++) ids[i] = options[i].id;
      point = newPoint(ids, currentId, waiter, preemptions);
      points.add(point);
    }
    if (point.preempts(point.chosen)) preemptions++;
    return point;
  }

  ChoicePoint newPoint(int[] ids, int currentId, boolean waiter, int preemptionsBefore) {
    return new ChoicePoint(ids, currentId, waiter, preemptionsBefore, !reduce);
  }

  /** Drops the points below the current depth: a shorter run than the last one through here. */
  void endRun() {
    truncate(depth);
  }

  /**
   * Takes the deepest untried alternative that {@code bound} allows and cuts the path below it;
   * returns its depth, or -1 when none is left.
   */
  int nextBranch(int bound) {
    for (int p = points.size() - 1; p >= 0; p--) {
      ChoicePoint n = points.get(p);
      for (int t = n.backtrack.nextSetBit(0); t >= 0; t = n.backtrack.nextSetBit(t + 1)) {
        if (n.done.get(t)) continue;
        if (n.preemptionsBefore + (n.preempts(t) ? 1 : 0) > bound) {
          boundCut = true;
          continue;
        }
        n.done.set(t);
        n.chosen = t;
        truncate(p + 1);
        return p;
      }
    }
    return -1;
  }

  /** Whether an alternative was left out for the bound since {@link #startRound}. */
  boolean boundCut() {
    return boundCut;
  }

  /** A new round of the search: from the root, with nothing cut yet. */
  void startRound() {
    boundCut = false;
    points.clear();
  }

  /** Whether the scenario did not repeat itself under the same choices. */
  boolean nondeterministic() {
    return nondeterministic;
  }

  int size() {
    return points.size();
  }

  ChoicePoint get(int depth) {
    return points.get(depth);
  }

  void add(ChoicePoint point) {
    points.add(point);
  }

  List<ChoicePoint> points() {
    return points;
  }

  void truncate(int size) {
    while (points.size() > size) points.remove(points.size() - 1);
  }

  /** The choices of the first {@code length} points. */
  int[] choices(int length) {
    int[] c = new int[length];
    for (int i = 0; i < length; i++) c[i] = points.get(i).chosen;
    return c;
  }

  /** Preemptions of the choices of the whole path. */
  int preemptionsOfPath() {
    int n = 0;
    for (ChoicePoint point : points) n += point.preempts(point.chosen) ? 1 : 0;
    return n;
  }
}
