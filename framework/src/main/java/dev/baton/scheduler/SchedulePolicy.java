package dev.baton.scheduler;

/**
 * Makes the scheduler's choices for one exploration. The scheduler records every choice it gets,
 * so a policy never needs to replay itself.
 */
interface SchedulePolicy {

  /** Called before schedule {@code index} (0-based) starts. */
  void beginSchedule(int index);

  /**
   * Picks who runs next among {@code count >= 2} enabled threads, sorted by id.
   *
   * @param current the thread at the scheduling point (it may be blocked or finished)
   * @param step how many scheduling points this schedule has passed
   * @return an index into {@code options}
   */
  int pickThread(ManagedThread[] options, int count, ManagedThread current, int step);

  /** Picks which of {@code count >= 2} waiting threads a {@code notify()} wakes. */
  int pickWaiter(ManagedThread[] waiters, int count);

  /** Called after every schedule with the number of scheduling points it took. */
  default void endSchedule(int steps) {}

  /** True when the policy has no schedule left to offer ({@link dev.baton.Strategy#EXHAUSTIVE}). */
  default boolean exhausted() {
    return false;
  }

  /** A note for the user about how the policy went, or empty. */
  default String note() {
    return "";
  }
}
