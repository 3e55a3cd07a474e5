package dev.baton.scheduler;

import dev.baton.Strategy;
import dev.baton.config.ConfigKey;
import dev.baton.config.Defaults;
import dev.baton.report.ReportSettings;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Everything an exploration needs besides the code it runs; resolved from the annotation or the
 * programmatic options with configuration keys applied. Build it with {@link #builder()}, whose
 * setters are named after these components and reject a bad value with the valid range; what is
 * not set has the default of {@link Defaults}.
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
 * @param report where failure reports go and whether progress lines are printed
 */
@API(status = API.Status.INTERNAL, since = "0.1")
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
    SearchSettings search,
    ReportSettings report) {

  public ExplorationSettings {
    if (shard == null) shard = ShardPlan.WHOLE;
    if (search == null) search = SearchSettings.DEFAULTS;
    if (report == null) report = ReportSettings.fromSystemProperties();
  }

  /** A builder with every setting at its default of {@link Defaults}; the scenario id is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** How many schedules run at once: {@link #parallelism()}, with 0 meaning every core. */
  public int workers() {
    return parallelism == 0 ? Runtime.getRuntime().availableProcessors() : parallelism;
  }

  /** These settings with {@code search} replacing {@link #search}. */
  public ExplorationSettings withSearch(SearchSettings search) {
    return toBuilder().search(search).build();
  }

  /** These settings with the choices a replay token was recorded under. */
  ExplorationSettings withChoicesOf(ReplayToken token) {
    return toBuilder().maxPauseMillis(token.maxPauseMillis())
        .spuriousWakeups(token.spuriousWakeups()).build();
  }

  /**
   * Builds {@link ExplorationSettings} one named setting at a time. Each setter checks its value
   * and throws {@link IllegalArgumentException} naming the setting, its configuration key and the
   * valid values.
   */
  public static final class Builder {
    private String scenarioId;
    private String replayHint = "";
    private Strategy strategy = Strategy.valueOf(Defaults.STRATEGY_NAME);
    private int schedules = Defaults.SCHEDULES;
    private long seed = Defaults.SEED;
    private String replayToken;
    private boolean strictReplay;
    private int pctDepth = Defaults.PCT_DEPTH;
    private int maxSteps = Defaults.MAX_STEPS;
    private boolean annotated;
    private boolean freshStatics = Defaults.FRESH_STATICS;
    private long maxPauseMillis = Defaults.MAX_PAUSE_MILLIS;
    private boolean spuriousWakeups = Defaults.SPURIOUS_WAKEUPS;
    private long watchdogMillis = Defaults.WATCHDOG_MILLIS;
    private long timeBudgetMillis = Defaults.TIME_BUDGET_MILLIS;
    private ShardPlan shard = ShardPlan.WHOLE;
    private int parallelism = Defaults.PARALLELISM;
    private SearchSettings search = SearchSettings.DEFAULTS;
    private ReportSettings report;

    private Builder() {}

    private Builder(ExplorationSettings s) {
      scenarioId = s.scenarioId;
      replayHint = s.replayHint;
      strategy = s.strategy;
      schedules = s.schedules;
      seed = s.seed;
      replayToken = s.replayToken;
      strictReplay = s.strictReplay;
      pctDepth = s.pctDepth;
      maxSteps = s.maxSteps;
      annotated = s.annotated;
      freshStatics = s.freshStatics;
      maxPauseMillis = s.maxPauseMillis;
      spuriousWakeups = s.spuriousWakeups;
      watchdogMillis = s.watchdogMillis;
      timeBudgetMillis = s.timeBudgetMillis;
      shard = s.shard;
      parallelism = s.parallelism;
      search = s.search;
      report = s.report;
    }

    /** See {@link ExplorationSettings#scenarioId()}; required, not blank. */
    public Builder scenarioId(String scenarioId) {
      if (scenarioId == null || scenarioId.isBlank()) {
        throw new IllegalArgumentException("scenarioId is blank: name the scenario, for example"
            + " com.acme.TransferTest#charges");
      }
      this.scenarioId = scenarioId;
      return this;
    }

    /** See {@link ExplorationSettings#replayHint()}; null means none. */
    public Builder replayHint(String replayHint) {
      this.replayHint = replayHint == null ? "" : replayHint;
      return this;
    }

    /** See {@link ExplorationSettings#strategy()}. */
    public Builder strategy(Strategy strategy) {
      this.strategy = Objects.requireNonNull(strategy,
          "strategy is null: pass one of RANDOM, PCT, POS, EXHAUSTIVE or PORTFOLIO (key " + ConfigKey.STRATEGY.key() + ")");
      return this;
    }

    /** See {@link ExplorationSettings#schedules()}. */
    public Builder schedules(int schedules) {
      this.schedules = (int) SettingChecks.atLeast("schedules", schedules, 1, ConfigKey.SCHEDULES);
      return this;
    }

    /** See {@link ExplorationSettings#seed()}. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** See {@link ExplorationSettings#replayToken()}; null or blank explores. */
    public Builder replayToken(String replayToken) {
      this.replayToken = replayToken == null || replayToken.isBlank() ? null : replayToken;
      return this;
    }

    /** See {@link ExplorationSettings#strictReplay()}. */
    public Builder strictReplay(boolean strictReplay) {
      this.strictReplay = strictReplay;
      return this;
    }

    /** See {@link ExplorationSettings#pctDepth()}. */
    public Builder pctDepth(int pctDepth) {
      this.pctDepth = (int) SettingChecks.atLeast("pctDepth", pctDepth, 1, ConfigKey.PCT_DEPTH);
      return this;
    }

    /** See {@link ExplorationSettings#maxSteps()}. */
    public Builder maxSteps(int maxSteps) {
      this.maxSteps = (int) SettingChecks.atLeast("maxSteps", maxSteps, 1, ConfigKey.MAX_STEPS);
      return this;
    }

    /** See {@link ExplorationSettings#annotated()}. */
    public Builder annotated(boolean annotated) {
      this.annotated = annotated;
      return this;
    }

    /** See {@link ExplorationSettings#freshStatics()}. */
    public Builder freshStatics(boolean freshStatics) {
      this.freshStatics = freshStatics;
      return this;
    }

    /** See {@link ExplorationSettings#maxPauseMillis()}. */
    public Builder maxPauseMillis(long maxPauseMillis) {
      this.maxPauseMillis = SettingChecks.atLeast(
          "maxPauseMillis", maxPauseMillis, 0, ConfigKey.MAX_PAUSE_MILLIS, "0 (never pause) or more");
      return this;
    }

    /** See {@link ExplorationSettings#spuriousWakeups()}. */
    public Builder spuriousWakeups(boolean spuriousWakeups) {
      this.spuriousWakeups = spuriousWakeups;
      return this;
    }

    /** See {@link ExplorationSettings#watchdogMillis()}. */
    public Builder watchdogMillis(long watchdogMillis) {
      this.watchdogMillis = SettingChecks.atLeast(
          "watchdogMillis", watchdogMillis, 1, ConfigKey.WATCHDOG_SECONDS);
      return this;
    }

    /** See {@link ExplorationSettings#timeBudgetMillis()}. */
    public Builder timeBudgetMillis(long timeBudgetMillis) {
      this.timeBudgetMillis = SettingChecks.atLeast("timeBudgetMillis", timeBudgetMillis, 0,
          ConfigKey.TIME_BUDGET_SECONDS, "0 (no limit) or more");
      return this;
    }

    /** See {@link ExplorationSettings#shard()}. */
    public Builder shard(ShardPlan shard) {
      this.shard = Objects.requireNonNull(shard, "shard is null: pass ShardPlan.WHOLE for all");
      return this;
    }

    /** See {@link ExplorationSettings#parallelism()}. */
    public Builder parallelism(int parallelism) {
      if (parallelism < 0) {
        throw new IllegalArgumentException("parallelism = " + parallelism
            + ": use 1 or more, or 0 for every core (key " + ConfigKey.PARALLELISM.key() + ")");
      }
      this.parallelism = parallelism;
      return this;
    }

    /** See {@link ExplorationSettings#search()}. */
    public Builder search(SearchSettings search) {
      this.search = Objects.requireNonNull(search, "search is null: pass SearchSettings.DEFAULTS");
      return this;
    }

    /** See {@link ExplorationSettings#report()}; not set: from the system properties. */
    public Builder report(ReportSettings report) {
      this.report = Objects.requireNonNull(report, "report is null");
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalStateException when no scenario id was set
     */
    public ExplorationSettings build() {
      if (scenarioId == null) {
        throw new IllegalStateException("scenarioId is not set: every exploration needs one");
      }
      return new ExplorationSettings(scenarioId, replayHint, strategy, schedules, seed,
          replayToken, strictReplay, pctDepth, maxSteps, annotated, freshStatics, maxPauseMillis,
          spuriousWakeups, watchdogMillis, timeBudgetMillis, shard, parallelism, search, report);
    }
  }
}
