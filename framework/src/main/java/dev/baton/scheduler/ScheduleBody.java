package dev.baton.scheduler;

import org.apiguardian.api.API;

/**
 * The code of one schedule, run on the scenario's main managed thread: creates fresh state and runs
 * the scenario. Throwing fails the schedule.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
@FunctionalInterface
public interface ScheduleBody {
  void run() throws Throwable;
}
