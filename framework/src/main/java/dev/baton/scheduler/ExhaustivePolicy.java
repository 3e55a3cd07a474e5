package dev.baton.scheduler;

import java.util.Arrays;

/**
 * Depth-first enumeration of the choice tree. Each schedule replays the prefix of the previous one
 * up to its deepest choice with an untried alternative, takes the next alternative there, and makes
 * the first choice after it. The first choice keeps the running thread when it can, so schedules
 * with few preemptions come first.
 */
final class ExhaustivePolicy implements SchedulePolicy {
  private int[] prefix = new int[0];
  private int[] chosen = new int[64];
  private int[] counts = new int[64];
  private int depth;
  private boolean exhausted;

  @Override
  public void beginSchedule(int index) {
    depth = 0;
  }

  @Override
  public int pickThread(ManagedThread[] options, int count, ManagedThread current, int step) {
    int k = next(count);
    // Alternative 0 is the current thread when it can run; the others follow in id order.
    int currentAt = -1;
    for (int i = 0; i < count; i++) {
      if (options[i] == current) currentAt = i;
    }
    if (currentAt < 0) return k;
    if (k == 0) return currentAt;
    return k <= currentAt ? k - 1 : k;
  }

  @Override
  public int pickWaiter(ManagedThread[] waiters, int count) {
    return next(count);
  }

  private int next(int count) {
    int k = depth < prefix.length ? Math.min(prefix[depth], count - 1) : 0;
    if (depth == chosen.length) {
      chosen = Arrays.copyOf(chosen, depth * 2);
      counts = Arrays.copyOf(counts, depth * 2);
    }
    chosen[depth] = k;
    counts[depth] = count;
    depth++;
    return k;
  }

  @Override
  public void endSchedule(int steps) {
    int p = depth - 1;
    while (p >= 0 && chosen[p] + 1 >= counts[p]) p--;
    if (p < 0) {
      exhausted = true;
      return;
    }
    prefix = Arrays.copyOf(chosen, p + 1);
    prefix[p]++;
  }

  @Override
  public boolean exhausted() {
    return exhausted;
  }
}
