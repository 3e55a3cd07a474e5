package dev.baton.scheduler;

import java.util.SplittableRandom;

/** Uniformly random choice at every scheduling point. */
final class RandomPolicy implements SchedulePolicy {
  private final long seed;
  private SplittableRandom random;

  RandomPolicy(long seed) {
    this.seed = seed;
  }

  @Override
  public void beginSchedule(int index) {
    random = Seeds.forSchedule(seed, index);
  }

  @Override
  public int pickThread(ManagedThread[] options, int count, ManagedThread current, int step) {
    return random.nextInt(count);
  }

  @Override
  public int pickWaiter(ManagedThread[] waiters, int count) {
    return random.nextInt(count);
  }
}
