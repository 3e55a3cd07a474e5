package dev.baton.engine;

import dev.baton.ExploreInterleavings;
import dev.baton.Strategy;
import dev.baton.scheduler.ExplorationSettings;
import dev.baton.scheduler.Explorer;
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

  private final ConfigurationParameters parameters;
  private final List<String> problems = new ArrayList<>();
  private final Integer schedules;
  private final Strategy strategy;
  private final Long seed;
  private final String replay;
  private boolean replayApplied;
  private final List<String> instrumentExclusions;

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
            true));
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
        declared.pctDepth(),
        declared.maxSteps(),
        declared.annotated());
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
