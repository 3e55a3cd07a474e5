package dev.baton.strategy;

import org.apiguardian.api.API;

/**
 * Makes the scheduler's choices for one exploration. The scheduler records every choice it gets,
 * so a policy never needs to replay itself.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface SchedulePolicy {

  /** Called before schedule {@code index} (0-based) starts. */
  void beginSchedule(int index);

  /**
   * Picks who runs next among {@code enabled + wakeable >= 2} options: {@code options[0, enabled)}
   * are the threads that can run, sorted by id; {@code options[enabled, enabled + wakeable)} are
   * waiting threads that the scheduler can wake early, sorted by id: a pending deadline that fires
   * after a pause of the others, or a spurious wakeup. Picking one of those wakes it and runs it.
   *
   * @param current the thread at the scheduling point (it may be blocked or finished)
   * @param step how many scheduling points this schedule has passed
   * @return an index into {@code options}
   */
  int pickThread(
      ThreadView[] options, int enabled, int wakeable, ThreadView current, int step);

  /** Picks which of {@code count >= 2} waiting threads a {@code notify()} wakes. */
  int pickWaiter(ThreadView[] waiters, int count);

  /**
   * What the scheduler tells about every step of the schedule that is about to run, or null (the
   * default) when the policy does not need it. Asked once per schedule, after {@link
   * #beginSchedule}.
   */
  default TransitionObserver observer() {
    return null;
  }

  /** Called after every schedule with the number of scheduling points it took. */
  default void endSchedule(int steps) {}

  /**
   * True when schedules after the first depend on what the first one did ({@link PctPolicy} learns
   * the schedule length from it): a shard that does not own the first schedule must run it first.
   */
  default boolean learnsFromFirstSchedule() {
    return false;
  }

  /**
   * Learns what {@code first}, a policy of the same kind and seed (another parallel worker's),
   * learned from the first schedule, which it ran; called after {@link #endSchedule} of that
   * schedule. By default there is nothing to learn beyond the step count given to endSchedule.
   */
  default void learnFrom(SchedulePolicy first) {}

  /** True when the policy has no schedule left to offer ({@link dev.baton.Strategy#EXHAUSTIVE}). */
  default boolean exhausted() {
    return false;
  }

  /** A note for the user about how the policy went, or empty. */
  default String note() {
    return "";
  }

  // ---- what the policy supports ---------------------------------------------------------------

  /**
   * Whether the schedules of an exploration can be dealt out to shards and parallel workers: true
   * when schedule {@code i} depends on the seed and {@code i} only (the scheduler's {@code
   * ShardPlan} deals them out), false for a search whose schedules each depend on the ones before,
   * and for a replay.
   */
  default boolean splittable() {
    return true;
  }

  /** Whether the policy enumerates the schedules, so that it can end with every one explored. */
  default boolean enumerates() {
    return false;
  }

  /**
   * What chooses the rest of a schedule after a lenient replay left a token this policy's strategy
   * recorded (see {@link LenientReplayPolicy}): this policy, unless it cannot start half-way.
   */
  default SchedulePolicy afterLenientReplay(long seed) {
    return this;
  }

  /** The name users know the policy's choices by, as in a lenient replay's note. */
  String name();

  /** The coverage figures of {@code coverage}, with the ones this policy adds of its own. */
  default dev.baton.ExplorationCoverage coverage(CoverageCounts coverage) {
    return coverage.result(0, 0);
  }
}
