package dev.baton;

import org.apiguardian.api.API;

/**
 * What an exploration that found no failure did.
 *
 * @param schedules how many schedules ran
 * @param strategy the strategy that picked them
 * @param seed the seed the exploration used (pass it as {@code baton.seed} to repeat it)
 * @param complete true when {@link Strategy#EXHAUSTIVE} enumerated every schedule within the budget
 * @param note a remark worth showing the user, for example a pinned replay that diverged, or empty
 * @param coverage what the schedules covered (and PCT's miss bound), or {@code null} when unknown
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ExplorationResult(
    int schedules, Strategy strategy, long seed, boolean complete, String note,
    ExplorationCoverage coverage) {

  /** A result without coverage figures. */
  public ExplorationResult(int schedules, Strategy strategy, long seed, boolean complete,
      String note) {
    this(schedules, strategy, seed, complete, note, null);
  }
}
