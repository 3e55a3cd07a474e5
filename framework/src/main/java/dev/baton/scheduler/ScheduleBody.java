package dev.baton.scheduler;

/**
 * The code of one schedule, run on the scenario's main managed thread: creates fresh state and runs
 * the scenario. Throwing fails the schedule.
 */
@FunctionalInterface
public interface ScheduleBody {
  void run() throws Throwable;
}
