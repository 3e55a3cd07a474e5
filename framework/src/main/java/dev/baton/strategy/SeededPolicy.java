package dev.baton.strategy;

import java.util.SplittableRandom;

/** A policy that draws its choices from the seeded stream of each schedule. */
abstract class SeededPolicy implements SchedulePolicy {
  private final long seed;
  protected SplittableRandom random;

  SeededPolicy(long seed) {
    this.seed = seed;
  }

  @Override
  public void beginSchedule(int index) {
    random = Seeds.forSchedule(seed, index);
  }

  @Override
  public int pickWaiter(ThreadView[] waiters, int count) {
    return random.nextInt(count);
  }
}
