package dev.baton.strategy;

import dev.baton.ExplorationCoverage;
import java.util.Arrays;

/**
 * Probabilistic Concurrency Testing: every thread gets a random priority above {@code depth}; the
 * highest-priority enabled thread runs; at {@code depth - 1} random steps the running thread drops
 * to a priority below all others. The change points are drawn from the first {@code k} steps, with
 * {@code k} the length of the first schedule (at least 16): schedule {@code i} then depends on the
 * seed and {@code i} only, whatever ran before it, so shards of an exploration and a replay agree
 * with the single run. A shard that does not run the first schedule runs it first to learn
 * {@code k} ({@link #learnsFromFirstSchedule()}).
 *
 * <p>A thread that gives way (a {@code Thread.yield()} or spin wait, or the fairness bound) hands
 * over to a uniformly chosen thread that can run: by strict priorities, two spinning threads would
 * give way to each other for ever while the thread they wait for, of lower priority, never ran, and
 * a correct program (a token ring) would be reported as not terminating.
 */
final class PctPolicy extends SeededPolicy {
  private final int depth;
  private static final int MIN_RANGE = 16;
  private int stepEstimate = MIN_RANGE; // the first schedule's length, once it ran
  private boolean ranSchedules;
  private int schedule;
  private int[] changePoints = new int[0];
  private int nextChange;
  private double[] priorities = new double[8];

  PctPolicy(long seed, int depth) {
    super(seed);
    this.depth = depth;
  }

  @Override
  public void beginSchedule(int index) {
    super.beginSchedule(index);
    schedule = index;
    changePoints = new int[depth - 1];
    for (int i = 0; i < changePoints.length; i++) {
      changePoints[i] = 1 + random.nextInt(stepEstimate);
    }
    Arrays.sort(changePoints);
    nextChange = 0;
    Arrays.fill(priorities, Double.NaN);
  }

  @Override
  public int pickThread(
      ThreadView[] options, int enabled, int wakeable, ThreadView current, int step) {
    int count = enabled + wakeable; // a waiting thread with the top priority is woken early
    while (nextChange < changePoints.length && changePoints[nextChange] <= step) {
      // The i-th change point lowers the running thread below every initial priority.
      priority(current);
      priorities[current.id] = depth - 1 - nextChange;
      nextChange++;
    }
    if (enabled > 1 && gaveWay(current, options, enabled)) return random.nextInt(enabled);
    int best = 0;
    for (int i = 1; i < count; i++) {
      // A thread that has just begun to wait is not woken early at once: with the top priority it
      // would be woken (spuriously) and wait again for ever while the thread it waits for never ran.
      if (i >= enabled && enabled > 0 && options[i] == current) continue;
      if (priority(options[i]) > priority(options[best])) best = i;
    }
    return best;
  }

  /**
   * Whether {@code current} could run but left the choice to the others (a yield, a spin wait, the
   * fairness bound): it is alive, waits for nothing, and is not among the {@code enabled} options.
   */
  static boolean gaveWay(ThreadView current, ThreadView[] options, int enabled) {
    if (!current.runnable()) return false;
    for (int i = 0; i < enabled; i++) {
      if (options[i] == current) return false;
    }
    return true;
  }

  @Override
  public void endSchedule(int steps) {
    ranSchedules = true;
    if (schedule == 0) stepEstimate = Math.max(MIN_RANGE, steps);
  }

  @Override
  public boolean learnsFromFirstSchedule() {
    return true;
  }

  @Override
  public String name() {
    return "PCT";
  }

  /**
   * Adds PCT's miss bound at its depth, with the number of steps it drew its change points from
   * (none when it ran no schedule itself: a replay of a PCT token).
   */
  @Override
  public ExplorationCoverage coverage(CoverageCounts coverage) {
    return coverage.result(depth, ranSchedules ? stepEstimate : 0);
  }

  private double priority(ThreadView t) {
    if (t.id >= priorities.length) {
      int old = priorities.length;
      priorities = Arrays.copyOf(priorities, Math.max(t.id + 1, old * 2));
      Arrays.fill(priorities, old, priorities.length, Double.NaN);
    }
    if (Double.isNaN(priorities[t.id])) {
      priorities[t.id] = depth + random.nextDouble();
    }
    return priorities[t.id];
  }
}
