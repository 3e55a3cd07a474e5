package dev.baton.strategy;

import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * {@link dev.baton.Strategy#PORTFOLIO}: the schedules of one exploration take turns between
 * strategies that find different bugs: a {@link SelectiveWalkPolicy} (every other schedule: it is
 * the one that finds bugs among many threads), {@code RANDOM}, {@code PCT} at depths 2 and 3 and
 * {@code POS}. Schedule {@code i} uses slot {@code i % 6} of {@link #slots}, so it depends on the
 * seed and {@code i} only (shards and replays agree with the single run).
 *
 * <p>Waking a waiting thread early (its deadline fires after a pause of the others, or a spurious
 * wakeup) is decided here, before a member chooses among the threads that can run: a member would
 * offer it as one more option at every step, so a deadline of a few hundred milliseconds would
 * nearly always fire before the others reached their next wait. Each schedule draws a pause mode:
 * never early (as with {@code maxPauseMillis = 0}), rarely (one chance in {@link #RARE_PAUSE} at
 * each step that offers it), or as the member would.
 *
 * <p>A thread that gives way (a {@code Thread.yield()} or spin wait, or the fairness bound) hands
 * over to a uniformly chosen thread when the member is a PCT or POS one, as {@link PctPolicy} and
 * {@link PosPolicy} themselves do; the portfolio draws that choice from its own stream, so the
 * member's own stream is not shifted by it.
 */
final class PortfolioPolicy implements SchedulePolicy {
  private static final int RARE_PAUSE = 64;
  private static final long OWN_STREAM = 0x5851F42D4C957F2DL;

  /** The member of each slot; schedule {@code i} uses slot {@code i % slots.length}. */
  private final SchedulePolicy[] slots;
  private final PctPolicy[] learners;
  /** Sites the selective walks learned from schedule 0 to touch shared objects. */
  private final BitSet sharedSites = new BitSet();
  private final long seed;
  private SchedulePolicy member;
  private SplittableRandom own; // the portfolio's own choices: pauses, hand-overs after a yield
  private int pauseMode; // 0: never early, 1: rarely, 2: as the member offers it
  private int schedule;

  PortfolioPolicy(long seed) {
    this.seed = seed;
    SchedulePolicy selective = new SelectiveWalkPolicy(memberSeed(seed, 0), false, sharedSites);
    PctPolicy depth2 = new PctPolicy(memberSeed(seed, 2), 2);
    PctPolicy depth3 = new PctPolicy(memberSeed(seed, 3), 3);
    SchedulePolicy byCode = new SelectiveWalkPolicy(memberSeed(seed, 5), true, sharedSites);
    this.slots = new SchedulePolicy[] {
        selective, new RandomPolicy(memberSeed(seed, 1)), depth2,
        byCode, new PosPolicy(memberSeed(seed, 4)), depth3};
    this.learners = new PctPolicy[] {depth2, depth3};
  }

  private static long memberSeed(long seed, int member) {
    return seed + (member + 1) * 0x9E3779B97F4A7C15L;
  }

  @Override
  public void beginSchedule(int index) {
    schedule = index;
    member = slots[index % slots.length];
    if (index == 0) {
      // The PCT members learn the schedule length from the first schedule, whoever runs it.
      for (PctPolicy pct : learners) if (pct != member) pct.beginSchedule(0);
    }
    member.beginSchedule(index);
    own = Seeds.forSchedule(seed ^ OWN_STREAM, index);
    pauseMode = own.nextInt(3);
  }

  @Override
  public int pickThread(
      ThreadView[] options, int enabled, int wakeable, ThreadView current, int step) {
    if (enabled == 0) return member.pickThread(options, 0, wakeable, current, step);
    if (wakeable > 0) {
      if (pauseMode == 2) return member.pickThread(options, enabled, wakeable, current, step);
      if (pauseMode == 1 && own.nextInt(RARE_PAUSE) == 0) return enabled + own.nextInt(wakeable);
    }
    if (enabled == 1) return 0;
    if ((member instanceof PctPolicy || member instanceof PosPolicy)
        && PctPolicy.gaveWay(current, options, enabled)) {
      return own.nextInt(enabled);
    }
    return member.pickThread(options, enabled, 0, current, step);
  }

  @Override
  public int pickWaiter(ThreadView[] waiters, int count) {
    return member.pickWaiter(waiters, count);
  }

  @Override
  public TransitionObserver observer() {
    // No member before the first schedule began (a parallel exploration's idle scheduler asks).
    return member == null ? null : member.observer();
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

  @Override
  public void learnFrom(SchedulePolicy first) {
    sharedSites.clear();
    sharedSites.or(((PortfolioPolicy) first).sharedSites);
  }

  @Override
  public String name() {
    return "PORTFOLIO";
  }
  // No PCT miss bound in the coverage figures: only some of the schedules are PCT's.
}
