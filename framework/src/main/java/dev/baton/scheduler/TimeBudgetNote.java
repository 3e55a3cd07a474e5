package dev.baton.scheduler;

/**
 * What an exploration says when its time budget ({@code baton.timeBudgetSeconds}) ran out before
 * its schedule budget: "explored N of M schedules (time budget)", first in the note that the
 * console line and the report entry show; or, with {@code baton.failOnBudget}, a failure.
 */
final class TimeBudgetNote {
  private TimeBudgetNote() {}

  /**
   * The note for an exploration stopped after {@code done} of {@code budget} schedules, all
   * passed.
   *
   * @throws TimeBudgetSpent when {@link SearchSettings#failOnBudget()} is set: a partial search
   *     must not pass
   */
  static String spent(ExplorationSettings settings, int done, int budget) {
    String explored = "explored " + done + " of " + budget + " schedules (time budget)";
    String seconds = seconds(settings.timeBudgetMillis());
    if (settings.search().failOnBudget()) {
      throw new TimeBudgetSpent("Baton " + explored + " for " + settings.scenarioId()
          + ": the time budget of " + seconds + " (baton.timeBudgetSeconds) ran out before the"
          + " search was done, and baton.failOnBudget=true fails a partial search; all "
          + done + " schedules passed. Fix: raise baton.timeBudgetSeconds, lower the number of"
          + " schedules, or set baton.failOnBudget=false to pass with a note.");
    }
    return "Baton " + explored + ": the time budget of " + seconds
        + " (baton.timeBudgetSeconds) was spent; all passed.";
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
