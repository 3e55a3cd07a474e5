package dev.baton.scheduler;

import java.util.SplittableRandom;

/**
 * {@link dev.baton.Strategy#PORTFOLIO}: the schedules of one exploration take turns between
 * strategies that find different bugs, {@code RANDOM}, {@code PCT} at depths 2 and 3, {@code POS}
 * and a {@link WeightedWalkPolicy}: schedule {@code i} uses member {@code i % 5}, so it depends on
 * the seed and {@code i} only (shards and replays agree with the single run).
 *
 * <p>Waking a waiting thread early (its deadline fires after a pause of the others, or a spurious
 * wakeup) is decided here, before a member chooses among the threads that can run: a member would
 * offer it as one more option at every step, so a deadline of a few hundred milliseconds would
 * nearly always fire before the others reached their next wait. Each schedule draws a pause mode:
 * never early (as with {@code maxPauseMillis = 0}), rarely (one chance in {@link #RARE_PAUSE} at
 * each step that offers it), or as the member would.
 */
final class PortfolioPolicy implements SchedulePolicy {
  private static final int RARE_PAUSE = 64;
  private static final long PAUSE_STREAM = 0x5851F42D4C957F2DL;

  private final SchedulePolicy[] members;
  private final PctPolicy[] learners;
  private final long seed;
  private SchedulePolicy member;
  private SplittableRandom pauses;
  private int pauseMode; // 0: never early, 1: rarely, 2: as the member offers it
  private int schedule;

  PortfolioPolicy(long seed) {
    this.seed = seed;
    PctPolicy depth2 = new PctPolicy(memberSeed(seed, 1), 2);
    PctPolicy depth3 = new PctPolicy(memberSeed(seed, 2), 3);
    this.members = new SchedulePolicy[] {
        new RandomPolicy(memberSeed(seed, 0)), depth2, depth3, new PosPolicy(memberSeed(seed, 3)),
        new WeightedWalkPolicy(memberSeed(seed, 4))};
    this.learners = new PctPolicy[] {depth2, depth3};
  }

  /** The number of strategies the schedules take turns between. */
  static int members() {
    return 5;
  }

  private static long memberSeed(long seed, int member) {
    return seed + (member + 1) * 0x9E3779B97F4A7C15L;
  }

  @Override
  public void beginSchedule(int index) {
    schedule = index;
    member = members[index % members.length];
    if (index == 0) {
      // The PCT members learn the schedule length from the first schedule, whoever runs it.
      for (PctPolicy pct : learners) if (pct != member) pct.beginSchedule(0);
    }
    member.beginSchedule(index);
    pauses = Seeds.forSchedule(seed ^ PAUSE_STREAM, index);
    pauseMode = pauses.nextInt(3);
  }

  @Override
  public int pickThread(
      ManagedThread[] options, int enabled, int wakeable, ManagedThread current, int step) {
    if (wakeable == 0 || enabled == 0 || pauseMode == 2) {
      return member.pickThread(options, enabled, wakeable, current, step);
    }
    if (pauseMode == 1 && pauses.nextInt(RARE_PAUSE) == 0) {
      return enabled + pauses.nextInt(wakeable);
    }
    return enabled == 1 ? 0 : member.pickThread(options, enabled, 0, current, step);
  }

  @Override
  public int pickWaiter(ManagedThread[] waiters, int count) {
    return member.pickWaiter(waiters, count);
  }

  @Override
  public TransitionObserver observer() {
    return member.observer();
  }

  @Override
  public void endSchedule(int steps) {
    if (schedule == 0) {
      for (PctPolicy pct : learners) pct.endSchedule(steps);
    }
    boolean learnedAbove = schedule == 0 && member instanceof PctPolicy;
    if (!learnedAbove) member.endSchedule(steps);
  }

  @Override
  public boolean learnsFromFirstSchedule() {
    return true;
  }

  /** How many steps the PCT members draw their change points from (0 before the first schedule). */
  int range() {
    return learners[0].range();
  }
}
