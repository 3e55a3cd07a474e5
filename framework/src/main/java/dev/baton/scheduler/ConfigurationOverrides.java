package dev.baton.scheduler;

import dev.baton.Strategy;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The configuration keys that override a test's own settings: {@code baton.schedules}, {@code
 * baton.strategy}, {@code baton.seed}, {@code baton.replay}. Values are checked here, so a typo
 * fails with a message naming the key and the valid values instead of being ignored.
 *
 * @param schedules the budget, if set
 * @param strategy the strategy, if set
 * @param seed the seed, if set
 * @param replay a replay token, if set
 */
public record ConfigurationOverrides(
    Optional<Integer> schedules, Optional<Strategy> strategy, Optional<Long> seed, Optional<String> replay) {

  public static final String SCHEDULES = "baton.schedules";
  public static final String STRATEGY = "baton.strategy";
  public static final String SEED = "baton.seed";
  public static final String REPLAY = "baton.replay";

  /**
   * Reads the keys through {@code lookup} (null or blank means unset).
   *
   * @throws IllegalArgumentException naming the key, the bad value and what is allowed
   */
  public static ConfigurationOverrides from(Function<String, String> lookup) {
    return new ConfigurationOverrides(
        value(lookup, SCHEDULES).map(v -> parseSchedules(v)),
        value(lookup, STRATEGY).map(ConfigurationOverrides::parseStrategy),
        value(lookup, SEED).map(ConfigurationOverrides::parseSeed),
        value(lookup, REPLAY));
  }

  private static Optional<String> value(Function<String, String> lookup, String key) {
    String v = lookup.apply(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  private static int parseSchedules(String v) {
    try {
      int n = Integer.parseInt(v);
      if (n >= 1) return n;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(
        SCHEDULES + "=" + v + " is not valid: give a whole number of schedules, at least 1");
  }

  private static Strategy parseStrategy(String v) {
    try {
      return Strategy.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          STRATEGY + "=" + v + " is not valid: use one of " + Arrays.toString(Strategy.values()));
    }
  }

  private static long parseSeed(String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          SEED + "=" + v + " is not valid: give a whole number (a long), or 0 to pick one");
    }
  }
}
