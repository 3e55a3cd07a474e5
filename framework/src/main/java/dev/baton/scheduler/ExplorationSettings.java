package dev.baton.scheduler;

import dev.baton.Strategy;

/**
 * Everything an exploration needs besides the code it runs; resolved from the annotation or the
 * programmatic options with configuration keys applied.
 *
 * @param scenarioId stable id of the scenario ({@code com.acme.TransferTest#charges}); replay tokens
 *     carry its hash so that {@code -Dbaton.replay} only applies to the scenario that printed it
 * @param replayHint how to re-run just this scenario, printed before the replay option, for example
 *     {@code mvn test -Dtest=TransferTest#charges}; may be empty
 * @param strategy the strategy
 * @param schedules the budget, at least 1
 * @param seed the seed; 0 means pick one
 * @param replayToken a token to replay instead of exploring, or {@code null}
 * @param strictReplay true: a replay that no longer matches the code fails (debugging with
 *     {@code -Dbaton.replay}); false: it completes deterministically and notes the divergence
 *     (a pinned regression test, which must pass once the bug is fixed)
 * @param pctDepth PCT's bug depth, at least 1
 * @param maxSteps scheduling points one schedule may take before it counts as not terminating
 * @param annotated true for an {@code @ExploreInterleavings} test, false for {@code Interleavings}:
 *     decides how the report says to pin the failure as a regression test
 * @param freshStatics true: every schedule runs in a new instrumenting class loader, so static
 *     state of user classes starts fresh; false: the schedules share one loader (faster)
 * @param maxPauseMillis how long, in virtual time, a schedule may stall its runnable threads in
 *     all so that a pending deadline fires while they are busy; 0 never stalls
 * @param spuriousWakeups whether a waiting {@code wait}, {@code park} or {@code await} may return
 *     without a notification, as the JVM allows
 * @param watchdogMillis wall-clock time a thread may spend outside Baton's control (not reaching a
 *     scheduling point) before the schedule fails
 * @param timeBudgetMillis wall-clock time the whole exploration may take; when spent, it stops
 *     cleanly after the current schedule and says how far it got; 0 for no limit
 * @param shard which of the schedules this run owns when they are split across CI jobs ({@code
 *     baton.shard}); {@link ShardPlan#WHOLE} for all of them
 * @param parallelism how many schedules may run at once ({@code baton.parallelism}); 1 runs them
 *     one after the other, 0 uses every core; the results and tokens are the same either way
 * @param search the exhaustive search, shrinking and lenient replay
 */
public record ExplorationSettings(
    String scenarioId,
    String replayHint,
    Strategy strategy,
    int schedules,
    long seed,
    String replayToken,
    boolean strictReplay,
    int pctDepth,
    int maxSteps,
    boolean annotated,
    boolean freshStatics,
    long maxPauseMillis,
    boolean spuriousWakeups,
    long watchdogMillis,
    long timeBudgetMillis,
    ShardPlan shard,
    int parallelism,
    SearchSettings search) {

  public ExplorationSettings {
    if (shard == null) shard = ShardPlan.WHOLE;
    if (search == null) search = SearchSettings.DEFAULTS;
  }

  /** Settings that own every schedule, run one after the other, with {@code search}. */
  public ExplorationSettings(
      String scenarioId,
      String replayHint,
      Strategy strategy,
      int schedules,
      long seed,
      String replayToken,
      boolean strictReplay,
      int pctDepth,
      int maxSteps,
      boolean annotated,
      boolean freshStatics,
      long maxPauseMillis,
      boolean spuriousWakeups,
      long watchdogMillis,
      long timeBudgetMillis,
      SearchSettings search) {
    this(scenarioId, replayHint, strategy, schedules, seed, replayToken, strictReplay, pctDepth,
        maxSteps, annotated, freshStatics, maxPauseMillis, spuriousWakeups, watchdogMillis,
        timeBudgetMillis, ShardPlan.WHOLE, 1, search);
  }

  /** Settings that own every schedule, run one after the other, with the default search. */
  public ExplorationSettings(
      String scenarioId,
      String replayHint,
      Strategy strategy,
      int schedules,
      long seed,
      String replayToken,
      boolean strictReplay,
      int pctDepth,
      int maxSteps,
      boolean annotated,
      boolean freshStatics,
      long maxPauseMillis,
      boolean spuriousWakeups,
      long watchdogMillis,
      long timeBudgetMillis) {
    this(scenarioId, replayHint, strategy, schedules, seed, replayToken, strictReplay, pctDepth,
        maxSteps, annotated, freshStatics, maxPauseMillis, spuriousWakeups, watchdogMillis,
        timeBudgetMillis, ShardPlan.WHOLE, 1, SearchSettings.DEFAULTS);
  }

  /** How many schedules run at once: {@link #parallelism()}, with 0 meaning every core. */
  public int workers() {
    return parallelism == 0 ? Runtime.getRuntime().availableProcessors() : parallelism;
  }

  /** These settings with {@code search} replacing {@link #search}. */
  public ExplorationSettings withSearch(SearchSettings search) {
    return new ExplorationSettings(scenarioId, replayHint, strategy, schedules, seed, replayToken,
        strictReplay, pctDepth, maxSteps, annotated, freshStatics, maxPauseMillis,
        spuriousWakeups, watchdogMillis, timeBudgetMillis, shard, parallelism, search);
  }

  /** These settings with the choices a replay token was recorded under. */
  ExplorationSettings withChoicesOf(ReplayToken token) {
    return new ExplorationSettings(scenarioId, replayHint, strategy, schedules, seed, replayToken,
        strictReplay, pctDepth, maxSteps, annotated, freshStatics, token.maxPauseMillis(),
        token.spuriousWakeups(), watchdogMillis, timeBudgetMillis, shard, parallelism, search);
  }

  /** Default of {@link #maxPauseMillis}: a plausible production pause (a long GC, a slow disk). */
  public static final long DEFAULT_MAX_PAUSE_MILLIS = 1_000;

  /** Default of {@link #watchdogMillis}. */
  public static final long DEFAULT_WATCHDOG_MILLIS = 10_000;

  /** Default of {@link #timeBudgetMillis}: generous, but a build never waits hours for one test. */
  public static final long DEFAULT_TIME_BUDGET_MILLIS = 600_000;
}
