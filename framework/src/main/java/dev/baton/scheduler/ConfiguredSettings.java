package dev.baton.scheduler;

import dev.baton.Strategy;
import dev.baton.config.ConfigKey;
import dev.baton.config.Configuration;
import dev.baton.report.ReportSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The exploration's configuration keys, read once through a {@link Configuration} (system
 * properties, then JUnit configuration parameters), and applied over the settings a test or an
 * {@code Interleavings} call declares. Shared by the engine and {@code Interleavings}, so both
 * read the same keys the same way.
 *
 * <p>Malformed values go to the configuration's {@link Configuration#problems() problems};
 * {@link #apply} is only meaningful when there are none.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ConfiguredSettings {
  private final Configuration configuration;
  private final Integer schedules;
  private final Strategy strategy;
  private final Long seed;
  private final String replay;
  private boolean replayApplied;
  private final List<String> instrumentExclusions;
  private final Long pctDepth;
  private final Long maxSteps;
  private final Boolean freshStatics;
  private final Long maxPauseMillis;
  private final Boolean spuriousWakeups;
  private final Long watchdogSeconds;
  private final Long timeBudgetSeconds;
  private final Long maxPreemptions;
  private final Boolean reduction;
  private final Boolean lenientReplay;
  private final Boolean failOnBudget;
  private final Long shrinkAttempts;
  private final Long shrinkSeconds;
  private final ShardPlan shard;
  private final Long parallelism;
  private final ReportSettings report;

  /** Reads every exploration key, in the order their problems are listed. */
  public ConfiguredSettings(Configuration configuration) {
    this.configuration = configuration;
    this.schedules = configuration.schedules();
    this.strategy = configuration.strategy();
    this.seed = configuration.seed();
    this.replay = configuration.value(ConfigKey.REPLAY).orElse(null);
    this.instrumentExclusions = configuration.list(ConfigKey.INSTRUMENT_EXCLUDE);
    this.pctDepth = configuration.whole(ConfigKey.PCT_DEPTH);
    this.maxSteps = configuration.whole(ConfigKey.MAX_STEPS);
    this.freshStatics = configuration.bool(ConfigKey.FRESH_STATICS);
    this.maxPauseMillis = configuration.whole(ConfigKey.MAX_PAUSE_MILLIS);
    this.spuriousWakeups = configuration.bool(ConfigKey.SPURIOUS_WAKEUPS);
    this.watchdogSeconds = configuration.whole(ConfigKey.WATCHDOG_SECONDS);
    this.timeBudgetSeconds = configuration.whole(ConfigKey.TIME_BUDGET_SECONDS);
    this.maxPreemptions = configuration.whole(ConfigKey.MAX_PREEMPTIONS);
    this.reduction = configuration.bool(ConfigKey.REDUCTION);
    this.lenientReplay = configuration.bool(ConfigKey.REPLAY_LENIENT);
    this.failOnBudget = configuration.bool(ConfigKey.FAIL_ON_BUDGET);
    this.shrinkAttempts = configuration.whole(ConfigKey.SHRINK_ATTEMPTS);
    this.shrinkSeconds = configuration.whole(ConfigKey.SHRINK_SECONDS);
    this.shard = configuration.parsed(ConfigKey.SHARD, ShardPlan::parse);
    this.parallelism = configuration.whole(ConfigKey.PARALLELISM);
    Path workingDirectory = Path.of("").toAbsolutePath();
    this.report = configuration.read(
        lookup -> ReportSettings.from(lookup, System.getenv(), workingDirectory),
        () -> ReportSettings.from(key -> Optional.empty(), System.getenv(), workingDirectory));
  }

  /** Malformed values, one sentence each naming the key, the value and what would be valid. */
  public List<String> problems() {
    return configuration.problems();
  }

  /** Package prefixes to leave uninstrumented, from {@code baton.instrument.exclude}. */
  public List<String> instrumentExclusions() {
    return instrumentExclusions;
  }

  /** The report directory and progress keys. */
  public ReportSettings report() {
    return report;
  }

  /**
   * {@code declared} with the configured values applied. A configured replay token replaces the
   * declared one and is replayed strictly, but only for the scenario that recorded it: a run of
   * many tests with {@code -Dbaton.replay} replays the one it came from and explores the others.
   */
  public ExplorationSettings apply(ExplorationSettings declared) {
    boolean replayHere = replay != null && Explorer.isFor(replay, declared.scenarioId());
    replayApplied |= replayHere;
    ExplorationSettings.Builder b = declared.toBuilder().report(report);
    if (strategy != null) b.strategy(strategy);
    if (schedules != null) b.schedules(schedules);
    if (seed != null) b.seed(seed);
    if (replayHere) b.replayToken(replay).strictReplay(true);
    if (pctDepth != null) b.pctDepth(pctDepth.intValue());
    if (maxSteps != null) b.maxSteps(maxSteps.intValue());
    if (freshStatics != null) b.freshStatics(freshStatics);
    if (maxPauseMillis != null) b.maxPauseMillis(maxPauseMillis);
    if (spuriousWakeups != null) b.spuriousWakeups(spuriousWakeups);
    if (watchdogSeconds != null) b.watchdogMillis(watchdogSeconds * 1000);
    if (timeBudgetSeconds != null) b.timeBudgetMillis(timeBudgetSeconds * 1000);
    if (shard != null) b.shard(shard);
    if (parallelism != null) b.parallelism(parallelism.intValue());
    return b.search(applySearch(declared.search())).build();
  }

  private SearchSettings applySearch(SearchSettings declared) {
    SearchSettings.Builder b = declared.toBuilder();
    if (maxPreemptions != null) b.maxPreemptions(maxPreemptions.intValue());
    if (reduction != null) b.reduction(reduction);
    if (lenientReplay != null) b.lenientReplay(lenientReplay);
    if (failOnBudget != null) b.failOnBudget(failOnBudget);
    if (shrinkAttempts != null) b.shrinkAttempts(shrinkAttempts.intValue());
    if (shrinkSeconds != null) b.shrinkMillis(shrinkSeconds * 1000);
    return b.build();
  }

  /**
   * A warning when {@code baton.replay} was set but no scenario so far recorded that token (the
   * test was renamed, or the wrong test was selected), or empty. Without it, the run would explore
   * as if no token had been given, which is easy to mistake for a fix.
   */
  public Optional<String> unusedReplayWarning() {
    if (replay == null || replayApplied) return Optional.empty();
    return Optional.of("[baton] " + ConfigKey.REPLAY.key() + " was set, but no test that ran"
        + " recorded that token, so it was not replayed: select the test named in the failure"
        + " message (-Dtest=Class#method).");
  }
}
