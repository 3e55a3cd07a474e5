package dev.baton.scheduler;

import java.util.Arrays;

/**
 * Enumerates the choice tree depth first with iterative preemption bounding (as CHESS does): round
 * {@code k} explores every schedule in which a running thread that could go on is switched away
 * from at most {@code k} times, so the schedules with few preemptions, where most bugs are, come
 * first. Each schedule replays the previous one up to its deepest choice with an untried
 * alternative, takes that alternative, and then keeps the running thread whenever it can. A round
 * repeats the schedules of the rounds before it (it cannot tell them apart before running them).
 * When a round was not cut short by its bound, the whole tree has been explored.
 */
final class ExhaustivePolicy implements SchedulePolicy {
  private int bound;
  private boolean boundCutThisRound;
  private boolean exhausted;
  private int[] prefix = new int[0];
  private int[] chosen = new int[64];
  private int[] counts = new int[64];
  private int depth;
  private int preemptions;

  @Override
  public void beginSchedule(int index) {
    depth = 0;
    preemptions = 0;
  }

  @Override
  public int pickThread(
      ManagedThread[] options, int enabled, int wakeable, ManagedThread current, int step) {
    int count = enabled + wakeable; // waking a waiting thread early is one more alternative
    int currentAt = -1;
    for (int i = 0; i < enabled; i++) {
      if (options[i] == current) currentAt = i;
    }
    if (currentAt < 0) return next(count); // the running thread cannot go on: no preemption
    int allowed = count;
    if (preemptions >= bound) {
      allowed = 1;
      boundCutThisRound = true;
    }
    // Alternative 0 keeps the running thread; the others follow in id order.
    int k = next(allowed);
    if (k == 0) return currentAt;
    preemptions++;
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
    if (p >= 0) {
      prefix = Arrays.copyOf(chosen, p + 1);
      prefix[p]++;
      return;
    }
    if (!boundCutThisRound) {
      exhausted = true;
      return;
    }
    bound++; // the next round allows one more preemption
    boundCutThisRound = false;
    prefix = new int[0];
  }

  @Override
  public boolean exhausted() {
    return exhausted;
  }

  /** When the budget ran out first: how far the enumeration is known to be complete. */
  @Override
  public String note() {
    if (exhausted || bound == 0) return "";
    return "Every schedule with at most " + (bound - 1) + " preemption" + (bound == 2 ? "" : "s")
        + " was explored; the budget ran out in the round allowing " + bound + ".";
  }
}
