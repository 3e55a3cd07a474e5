package dev.baton.scheduler;

/**
 * Settings of the exhaustive search, of failure shrinking and of lenient replay.
 *
 * @param maxPreemptions {@link dev.baton.Strategy#EXHAUSTIVE}'s last round: schedules with at most
 *     this many preemptions; at least 0
 * @param reduction whether the exhaustive search skips schedules that only reorder independent
 *     steps (partial-order reduction); off only to compare or to debug Baton itself
 * @param lenientReplay true: a replay follows the token's choices while they apply and, from the
 *     first one that does not, lets the token's strategy choose (up to the schedule budget)
 *     instead of failing or completing one fixed way
 * @param shrinkAttempts how many schedules Baton may run to shorten a failing schedule before
 *     reporting it; 0 turns shrinking off
 * @param shrinkMillis wall-clock time shrinking may take, checked between schedules
 * @param failOnBudget true: an exploration that the time budget stopped before its schedule budget
 *     fails instead of passing with a note (for CI jobs that must not pass a partial search)
 */
public record SearchSettings(
    int maxPreemptions,
    boolean reduction,
    boolean lenientReplay,
    int shrinkAttempts,
    long shrinkMillis,
    boolean failOnBudget) {

  /** Settings that pass an exploration the time budget stopped (with a note). */
  public SearchSettings(int maxPreemptions, boolean reduction, boolean lenientReplay,
      int shrinkAttempts, long shrinkMillis) {
    this(maxPreemptions, reduction, lenientReplay, shrinkAttempts, shrinkMillis, false);
  }

  /** The defaults, as documented on {@link dev.baton.ExploreInterleavings}. */
  public static final SearchSettings DEFAULTS =
      new SearchSettings(ExhaustivePolicy.DEFAULT_MAX_PREEMPTIONS, true, false, 200, 1_000);

  /** These settings with {@link #maxPreemptions} replaced. */
  public SearchSettings withMaxPreemptions(int value) {
    return new SearchSettings(
        value, reduction, lenientReplay, shrinkAttempts, shrinkMillis, failOnBudget);
  }

  /** These settings with {@link #lenientReplay} replaced. */
  public SearchSettings withLenientReplay(boolean value) {
    return new SearchSettings(
        maxPreemptions, reduction, value, shrinkAttempts, shrinkMillis, failOnBudget);
  }

  /** These settings with {@link #failOnBudget} replaced. */
  public SearchSettings withFailOnBudget(boolean value) {
    return new SearchSettings(
        maxPreemptions, reduction, lenientReplay, shrinkAttempts, shrinkMillis, value);
  }
}
