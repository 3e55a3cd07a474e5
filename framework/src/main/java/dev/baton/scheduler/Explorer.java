package dev.baton.scheduler;

import dev.baton.ExplorationResult;

/** Runs schedules of one scenario until one fails or the budget is spent. (Skeleton.) */
public final class Explorer {
  private Explorer() {}

  /**
   * Explores {@code body} under {@code settings}.
   *
   * @return what was explored, when no schedule failed
   * @throws dev.baton.InterleavingFailure for the first failing schedule
   */
  public static ExplorationResult explore(ExplorationSettings settings, ScheduleBody body) {
    throw new IllegalStateException("the scheduler is not in this commit yet");
  }
}
