package dev.baton.scheduler;

import java.util.Arrays;

/**
 * A random walk with a random weight per thread: each schedule gives every thread a weight drawn
 * log-uniformly over {@link #SPREAD} powers of two, and picks among the options in proportion to
 * the weights. Between {@link RandomPolicy} (all weights equal) and {@link PctPolicy} (strict
 * priorities): a heavy thread mostly runs on, so one thread can make many steps while the others
 * make few, yet every thread still moves now and then, at any step, without change points drawn
 * in advance. One of {@link PortfolioPolicy}'s members.
 */
final class WeightedWalkPolicy extends SeededPolicy {
  /** Weights span 2^0 .. 2^SPREAD: a light thread moves about once per 2^SPREAD steps of a heavy one. */
  private static final int SPREAD = 12;
  private double[] weights = new double[8];

  WeightedWalkPolicy(long seed) {
    super(seed);
  }

  @Override
  public void beginSchedule(int index) {
    super.beginSchedule(index);
    Arrays.fill(weights, Double.NaN);
  }

  @Override
  public int pickThread(
      ManagedThread[] options, int enabled, int wakeable, ManagedThread current, int step) {
    int count = enabled + wakeable;
    double total = 0;
    for (int i = 0; i < count; i++) total += weight(options[i]);
    double x = random.nextDouble() * total;
    for (int i = 0; i < count - 1; i++) {
      x -= weight(options[i]);
      if (x < 0) return i;
    }
    return count - 1;
  }

  private double weight(ManagedThread t) {
    if (t.id >= weights.length) {
      int old = weights.length;
      weights = Arrays.copyOf(weights, Math.max(t.id + 1, old * 2));
      Arrays.fill(weights, old, weights.length, Double.NaN);
    }
    if (Double.isNaN(weights[t.id])) weights[t.id] = Math.pow(2, SPREAD * random.nextDouble());
    return weights[t.id];
  }
}
