package dev.baton.engine;

import dev.baton.ExploreInterleavings;
import dev.baton.Strategy;
import dev.baton.report.ReportSettings;
import dev.baton.scheduler.ExplorationSettings;
import dev.baton.scheduler.Explorer;
import dev.baton.scheduler.ShardPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * Baton's configuration keys, read once per engine execution.
 *
 * <p>Each key is looked up as a JVM system property first, then as a JUnit configuration parameter
 * ({@code junit-platform.properties}, Surefire's {@code configurationParameters}, a launcher
 * request); a value found either way overrides the matching {@link ExploreInterleavings} attribute
 * of every test. A blank value counts as not set, so {@code -Dbaton.replay=} explores as usual.
 *
 * <ul>
 *   <li>{@value #SCHEDULES}: the budget, a whole number of at least 1
 *   <li>{@value #STRATEGY}: one of {@link Strategy}'s names, in any case
 *   <li>{@value #SEED}: a decimal long, or hexadecimal with {@code 0x}; 0 picks one
 *   <li>{@value #REPLAY}: a replay token; replayed strictly, so a token that no longer matches the
 *       code fails (the annotation's {@code replay} is lenient instead: see {@link
 *       ExplorationSettings#strictReplay()})
 *   <li>{@value #INSTRUMENT_EXCLUDE}: comma-separated package prefixes never instrumented
 *   <li>{@value #PCT_DEPTH}, {@value #MAX_STEPS}, {@value #FRESH_STATICS}, {@value
 *       #MAX_PAUSE_MILLIS}, {@value #SPURIOUS_WAKEUPS}: override the attributes of the same name
 *   <li>{@value #WATCHDOG_SECONDS}: how long a thread may stay outside Baton's control (default
 *       10)
 *   <li>{@value #TIME_BUDGET_SECONDS}: wall-clock budget of each test's exploration (default 600;
 *       0 for none)
 *   <li>{@value #SHARD}: {@code i/n}, run only the i-th of n shares of every exploration's
 *       schedules (one CI job each); see {@link ShardPlan}
 *   <li>{@value #PARALLELISM}: how many schedules run at once (0: every core; default 1)
 *   <li>{@value SearchKeys#MAX_PREEMPTIONS}, {@value SearchKeys#REDUCTION}, {@value
 *       SearchKeys#REPLAY_LENIENT}, {@value SearchKeys#SHRINK_ATTEMPTS}, {@value
 *       SearchKeys#SHRINK_SECONDS}, {@value SearchKeys#FAIL_ON_BUDGET}: the exhaustive search,
 *       shrinking, lenient replay and a spent time budget (see {@link SearchKeys})
 * </ul>
 *
 * <p>A malformed value does not stop the engine: {@link #problems()} lists it and every test fails
 * with that explanation.
 */
public final class BatonConfiguration {
  /** The schedule budget of every test. */
  public static final String SCHEDULES = "baton.schedules";

  /** The strategy of every test. */
  public static final String STRATEGY = "baton.strategy";

  /** The seed of every test. */
  public static final String SEED = "baton.seed";

  /** A token to replay strictly instead of exploring. */
  public static final String REPLAY = "baton.replay";

  /** Package prefixes, comma-separated, that the instrumenting class loader leaves alone. */
  public static final String INSTRUMENT_EXCLUDE = "baton.instrument.exclude";

  /** PCT's bug depth of every test. */
  public static final String PCT_DEPTH = "baton.pctDepth";

  /** The step bound of every schedule. */
  public static final String MAX_STEPS = "baton.maxSteps";

  /** Whether every schedule gets fresh static state. */
  public static final String FRESH_STATICS = "baton.freshStatics";

  /** The pause budget of every schedule, in milliseconds of virtual time. */
  public static final String MAX_PAUSE_MILLIS = "baton.maxPauseMillis";

  /** Whether waits may wake up spuriously. */
  public static final String SPURIOUS_WAKEUPS = "baton.spuriousWakeups";

  /** Seconds a thread may stay outside Baton's control before its schedule fails. */
  public static final String WATCHDOG_SECONDS = "baton.watchdogSeconds";

  /** Wall-clock seconds each test's exploration may take; 0 for no limit. */
  public static final String TIME_BUDGET_SECONDS = "baton.timeBudgetSeconds";

  /** Which share of the schedules this run owns, {@code i/n}. */
  public static final String SHARD = "baton.shard";

  /** How many schedules of an exploration run at once; 0 for every core. */
  public static final String PARALLELISM = "baton.parallelism";

  private final ConfigurationParameters parameters;
  private final List<String> problems = new ArrayList<>();
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
  private final ShardPlan shard;
  private final Long parallelism;
  private final ReportSettings reportSettings;
  private final SearchKeys searchKeys;

  private BatonConfiguration(ConfigurationParameters parameters) {
    this.parameters = parameters;
    this.schedules = readSchedules();
    this.strategy = readStrategy();
    this.seed = readSeed();
    this.replay = lookup(REPLAY).map(Value::text).orElse(null);
    this.instrumentExclusions =
        lookup(INSTRUMENT_EXCLUDE)
            .map(
                v ->
                    Arrays.stream(v.text().split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList())
            .orElse(List.of());
    this.pctDepth = readWhole(PCT_DEPTH, 1, Integer.MAX_VALUE, "3");
    this.maxSteps = readWhole(MAX_STEPS, 1, Integer.MAX_VALUE, "1000000");
    this.freshStatics = readBoolean(FRESH_STATICS);
    this.maxPauseMillis = readWhole(MAX_PAUSE_MILLIS, 0, Long.MAX_VALUE / 1_000_000, "1000");
    this.spuriousWakeups = readBoolean(SPURIOUS_WAKEUPS);
    this.watchdogSeconds = readWhole(WATCHDOG_SECONDS, 1, 86_400, "30");
    this.timeBudgetSeconds = readWhole(TIME_BUDGET_SECONDS, 0, Long.MAX_VALUE / 1000, "3600");
    this.searchKeys = new SearchKeys(
        readWhole(SearchKeys.MAX_PREEMPTIONS, 0, Integer.MAX_VALUE, "3"),
        readBoolean(SearchKeys.REDUCTION),
        readBoolean(SearchKeys.REPLAY_LENIENT),
        readWhole(SearchKeys.SHRINK_ATTEMPTS, 0, Integer.MAX_VALUE, "1000"),
        readWhole(SearchKeys.SHRINK_SECONDS, 0, 86_400, "10"),
        readBoolean(SearchKeys.FAIL_ON_BUDGET));
    this.shard = readShard();
    this.parallelism = readWhole(PARALLELISM, 0, 1024, "4 (0 uses every core)");
    this.reportSettings = readReportSettings();
  }

  /** The report directory and progress keys ({@link ReportSettings}), read the same way. */
  public ReportSettings reportSettings() {
    return reportSettings;
  }

  private ReportSettings readReportSettings() {
    Path workingDirectory = Path.of("").toAbsolutePath();
    try {
      return ReportSettings.from(key -> lookup(key).map(Value::text), System.getenv(), workingDirectory);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return ReportSettings.from(key -> Optional.empty(), System.getenv(), workingDirectory);
    }
  }

  /** Reads every key from the system properties and {@code parameters}. */
  public static BatonConfiguration from(ConfigurationParameters parameters) {
    return new BatonConfiguration(parameters);
  }

  /**
   * A warning when {@value #REPLAY} was set but no scenario so far recorded that token (the test
   * was renamed, or the wrong test was selected), or empty. Without it, the run would explore as
   * if no token had been given, which is easy to mistake for a fix.
   */
  public java.util.Optional<String> unusedReplayWarning() {
    if (replay == null || replayApplied) return java.util.Optional.empty();
    return java.util.Optional.of(
        "[baton] " + REPLAY + " was set, but no test that ran recorded that token, so it was not"
            + " replayed: select the test named in the failure message (-Dtest=Class#method).");
  }

  /** Malformed values, one sentence each naming the key, the value and what would be valid. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Package prefixes to leave uninstrumented, from {@value #INSTRUMENT_EXCLUDE}. */
  public List<String> instrumentExclusions() {
    return instrumentExclusions;
  }

  /** Reads every key from the system properties only (for {@link dev.baton.Interleavings}). */
  public static BatonConfiguration fromSystemProperties() {
    return new BatonConfiguration(null);
  }

  /**
   * The settings of one test: its annotation with the configured values applied. Only meaningful
   * when {@link #problems()} is empty.
   */
  public ExplorationSettings settingsFor(
      String scenarioId, String replayHint, ExploreInterleavings annotation) {
    String pinned = annotation.replay().isBlank() ? null : annotation.replay().trim();
    return override(
        new ExplorationSettings(
            scenarioId,
            replayHint,
            annotation.strategy(),
            annotation.schedules(),
            annotation.seed(),
            pinned,
            false,
            annotation.pctDepth(),
            annotation.maxSteps(),
            true,
            annotation.freshStatics(),
            annotation.maxPauseMillis(),
            annotation.spuriousWakeups(),
            ExplorationSettings.DEFAULT_WATCHDOG_MILLIS,
            ExplorationSettings.DEFAULT_TIME_BUDGET_MILLIS,
            SearchKeys.declared(annotation)));
  }

  /**
   * {@code declared} with the configured values applied. A configured replay token replaces the
   * declared one and is replayed strictly, but only for the scenario that recorded it: a run of
   * many tests with {@code -Dbaton.replay} replays the one it came from and explores the others.
   */
  public ExplorationSettings override(ExplorationSettings declared) {
    boolean replayHere = replay != null && Explorer.isFor(replay, declared.scenarioId());
    replayApplied |= replayHere;
    return new ExplorationSettings(
        declared.scenarioId(),
        declared.replayHint(),
        strategy != null ? strategy : declared.strategy(),
        schedules != null ? schedules : declared.schedules(),
        seed != null ? seed : declared.seed(),
        replayHere ? replay : declared.replayToken(),
        replayHere || declared.strictReplay(),
        pctDepth != null ? pctDepth.intValue() : declared.pctDepth(),
        maxSteps != null ? maxSteps.intValue() : declared.maxSteps(),
        declared.annotated(),
        freshStatics != null ? freshStatics : declared.freshStatics(),
        maxPauseMillis != null ? maxPauseMillis : declared.maxPauseMillis(),
        spuriousWakeups != null ? spuriousWakeups : declared.spuriousWakeups(),
        watchdogSeconds != null ? watchdogSeconds * 1000 : declared.watchdogMillis(),
        timeBudgetSeconds != null ? timeBudgetSeconds * 1000 : declared.timeBudgetMillis(),
        shard != null ? shard : declared.shard(),
        parallelism != null ? parallelism.intValue() : declared.parallelism(),
        searchKeys.applyTo(declared.search()));
  }

  private ShardPlan readShard() {
    Optional<Value> value = lookup(SHARD);
    if (value.isEmpty()) return null;
    try {
      return ShardPlan.parse(value.get().text(), value.get().toString());
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  private Integer readSchedules() {
    Optional<Value> value = lookup(SCHEDULES);
    if (value.isEmpty()) return null;
    try {
      int parsed = Integer.parseInt(value.get().text());
      if (parsed >= 1) return parsed;
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        value.get()
            + " is not a schedule budget. Fix: pass a whole number of at least 1, for"
            + " example -D"
            + SCHEDULES
            + "=500.");
    return null;
  }

  private Strategy readStrategy() {
    Optional<Value> value = lookup(STRATEGY);
    if (value.isEmpty()) return null;
    String name = value.get().text().toUpperCase(Locale.ROOT);
    for (Strategy s : Strategy.values()) {
      if (s.name().equals(name)) return s;
    }
    problems.add(
        value.get()
            + " is not a strategy. Fix: use one of "
            + Arrays.stream(Strategy.values()).map(Strategy::name).collect(Collectors.joining(", "))
            + " (any case).");
    return null;
  }

  private Long readSeed() {
    Optional<Value> value = lookup(SEED);
    if (value.isEmpty()) return null;
    String text = value.get().text();
    try {
      if (text.startsWith("0x") || text.startsWith("0X")) {
        return Long.parseUnsignedLong(text.substring(2), 16);
      }
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      problems.add(
          value.get()
              + " is not a seed. Fix: pass a whole number (a long, or hexadecimal with"
              + " 0x), for example -D"
              + SEED
              + "=42; 0 picks one.");
      return null;
    }
  }

  /** A whole number in [min, max] from {@code key}, or null (a problem) when absent or malformed. */
  private Long readWhole(String key, long min, long max, String example) {
    Optional<Value> value = lookup(key);
    if (value.isEmpty()) return null;
    try {
      long parsed = Long.parseLong(value.get().text());
      if (parsed >= min && parsed <= max) return parsed;
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        value.get() + " is not valid. Fix: pass a whole number"
            + (max == Integer.MAX_VALUE || max >= Long.MAX_VALUE / 1_000_000
                ? " of at least " + min
                : " from " + min + " to " + max)
            + ", for example -D" + key + "=" + example + ".");
    return null;
  }

  private Boolean readBoolean(String key) {
    Optional<Value> value = lookup(key);
    if (value.isEmpty()) return null;
    String text = value.get().text().toLowerCase(Locale.ROOT);
    if (text.equals("true") || text.equals("false")) return Boolean.valueOf(text);
    problems.add(value.get() + " is not valid. Fix: pass true or false, for example -D" + key
        + "=false.");
    return null;
  }

  /**
   * The value of any {@code baton.*} key by the same rule (system property first, then the JUnit
   * configuration parameter; blank counts as unset), for bridges that own their keys, such as
   * {@code baton.jcstress.*} and {@code baton.lincheck.*}.
   */
  public Optional<String> value(String key) {
    return lookup(key).map(Value::text);
  }

  private Optional<Value> lookup(String key) {
    String property = System.getProperty(key);
    if (property != null && !property.isBlank()) {
      return Optional.of(new Value(key, property.trim(), "system property"));
    }
    if (parameters == null) return Optional.empty();
    return parameters
        .get(key)
        .filter(v -> !v.isBlank())
        .map(v -> new Value(key, v.trim(), "JUnit configuration parameter"));
  }

  /** A configured value and where it came from, for messages. */
  private record Value(String key, String text, String origin) {
    @Override
    public String toString() {
      return "the " + origin + " " + key + "=" + text;
    }
  }
}
