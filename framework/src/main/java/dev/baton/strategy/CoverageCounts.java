package dev.baton.strategy;

import dev.baton.ExplorationCoverage;
import org.apiguardian.api.API;

/**
 * What an exploration counted of the schedules it ran, as a policy adds its own figures to it
 * ({@link SchedulePolicy#coverage}): the explorer's counts implement it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface CoverageCounts {

  /**
   * The summary; with {@code pctDepth > 0}, with PCT's miss bound of that depth, {@code pctRange}
   * being the number of steps PCT drew its change points from.
   */
  ExplorationCoverage result(int pctDepth, int pctRange);
}
