package dev.baton.engine;

import dev.baton.ExploreInterleavings;
import dev.baton.scheduler.SearchSettings;

/**
 * The configuration keys of the exhaustive search, shrinking and lenient replay, as read by
 * {@link BatonConfiguration}: each value is null when not configured.
 *
 * <ul>
 *   <li>{@value #MAX_PREEMPTIONS}: overrides {@link ExploreInterleavings#maxPreemptions()}
 *   <li>{@value #REDUCTION}: {@code false} turns partial-order reduction off (default true)
 *   <li>{@value #REPLAY_LENIENT}: overrides {@link ExploreInterleavings#lenientReplay()}
 *   <li>{@value #SHRINK_ATTEMPTS}: schedules Baton may run to shorten a failure (default 200; 0
 *       reports the failing schedule as found)
 *   <li>{@value #SHRINK_SECONDS}: wall-clock seconds shrinking may take (default 1)
 *   <li>{@value #FAIL_ON_BUDGET}: overrides {@link ExploreInterleavings#failOnBudget()}
 * </ul>
 */
record SearchKeys(
    Long maxPreemptions,
    Boolean reduction,
    Boolean lenientReplay,
    Long shrinkAttempts,
    Long shrinkSeconds,
    Boolean failOnBudget) {

  /** The exhaustive search's preemption bound. */
  static final String MAX_PREEMPTIONS = "baton.maxPreemptions";

  /** Whether the exhaustive search applies partial-order reduction. */
  static final String REDUCTION = "baton.reduction";

  /** Whether a replay continues with the token's strategy where the code changed. */
  static final String REPLAY_LENIENT = "baton.replay.lenient";

  /** Schedules shrinking may run. */
  static final String SHRINK_ATTEMPTS = "baton.shrink.attempts";

  /** Seconds shrinking may take. */
  static final String SHRINK_SECONDS = "baton.shrink.seconds";

  /** Whether an exploration the time budget stopped early fails. */
  static final String FAIL_ON_BUDGET = "baton.failOnBudget";

  /** The search settings an annotation declares. */
  static SearchSettings declared(ExploreInterleavings annotation) {
    return SearchSettings.DEFAULTS
        .withMaxPreemptions(annotation.maxPreemptions())
        .withLenientReplay(annotation.lenientReplay())
        .withFailOnBudget(annotation.failOnBudget());
  }

  /** {@code declared} with the configured values applied. */
  SearchSettings applyTo(SearchSettings declared) {
    return new SearchSettings(
        maxPreemptions != null ? maxPreemptions.intValue() : declared.maxPreemptions(),
        reduction != null ? reduction : declared.reduction(),
        lenientReplay != null ? lenientReplay : declared.lenientReplay(),
        shrinkAttempts != null ? shrinkAttempts.intValue() : declared.shrinkAttempts(),
        shrinkSeconds != null ? shrinkSeconds * 1000 : declared.shrinkMillis(),
        failOnBudget != null ? failOnBudget : declared.failOnBudget());
  }
}
