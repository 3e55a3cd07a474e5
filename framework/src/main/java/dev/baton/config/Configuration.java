package dev.baton.config;

import dev.baton.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Reads {@link ConfigKey configuration keys}: each one as a JVM system property first, then as a
 * configuration parameter (JUnit's {@code junit-platform.properties}, Surefire's {@code
 * configurationParameters}, a launcher request); a blank value counts as not set, so {@code
 * -Dbaton.replay=} explores as usual.
 *
 * <p>A malformed value does not throw: the typed readers return null and {@link #problems()}
 * lists it, one sentence naming the key, the value and a valid one, so that the engine can fail
 * every test with that explanation and {@code Interleavings} can throw it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Configuration {
  private final Function<String, Optional<String>> parameters;
  private final List<String> problems = new ArrayList<>();

  private Configuration(Function<String, Optional<String>> parameters) {
    this.parameters = parameters;
  }

  /** Keys from the system properties only. */
  public static Configuration fromSystemProperties() {
    return new Configuration(key -> Optional.empty());
  }

  /** Keys from the system properties, then from {@code parameters} (empty when not set). */
  public static Configuration from(Function<String, Optional<String>> parameters) {
    return new Configuration(parameters);
  }

  /** Malformed values read so far, one sentence each naming the key, the value and the fix. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /**
   * The trimmed value of any key by the lookup rule, for bridges that own their keys (such as
   * {@code baton.jcstress.*} and {@code baton.lincheck.*}).
   */
  public Optional<String> value(String key) {
    return lookup(key).map(Value::text);
  }

  /** The trimmed value of {@code key}. */
  public Optional<String> value(ConfigKey key) {
    return value(key.key());
  }

  /** A whole number in {@code key}'s range, or null when not set or malformed (a problem). */
  public Long whole(ConfigKey key) {
    if (!key.isWholeNumber()) throw new IllegalArgumentException(key + " is not a whole number");
    Optional<Value> value = lookup(key.key());
    if (value.isEmpty()) return null;
    try {
      long parsed = Long.parseLong(value.get().text());
      if (parsed >= key.min() && parsed <= key.max()) return parsed;
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(value.get() + " is not valid. Fix: pass " + ConfigKey.range(key.min(), key.max())
        + ", for example -D" + key.key() + "=" + key.example() + ".");
    return null;
  }

  /** {@code true} or {@code false} in any case, or null when not set or malformed (a problem). */
  public Boolean bool(ConfigKey key) {
    Optional<Value> value = lookup(key.key());
    if (value.isEmpty()) return null;
    String text = value.get().text().toLowerCase(Locale.ROOT);
    if (text.equals("true") || text.equals("false")) return Boolean.valueOf(text);
    problems.add(value.get() + " is not valid. Fix: pass true or false, for example -D"
        + key.key() + "=false.");
    return null;
  }

  /** The schedule budget of {@link ConfigKey#SCHEDULES}, or null. */
  public Integer schedules() {
    Optional<Value> value = lookup(ConfigKey.SCHEDULES.key());
    if (value.isEmpty()) return null;
    try {
      int parsed = Integer.parseInt(value.get().text());
      if (parsed >= 1) return parsed;
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(value.get() + " is not a schedule budget. Fix: pass a whole number of at least 1,"
        + " for example -D" + ConfigKey.SCHEDULES.key() + "=500.");
    return null;
  }

  /** The strategy of {@link ConfigKey#STRATEGY}, its name in any case, or null. */
  public Strategy strategy() {
    Optional<Value> value = lookup(ConfigKey.STRATEGY.key());
    if (value.isEmpty()) return null;
    String name = value.get().text().toUpperCase(Locale.ROOT);
    for (Strategy s : Strategy.values()) {
      if (s.name().equals(name)) return s;
    }
    problems.add(value.get() + " is not a strategy. Fix: use one of "
        + Arrays.stream(Strategy.values()).map(Strategy::name).collect(Collectors.joining(", "))
        + " (any case).");
    return null;
  }

  /** The seed of {@link ConfigKey#SEED}, decimal or hexadecimal with {@code 0x}, or null. */
  public Long seed() {
    Optional<Value> value = lookup(ConfigKey.SEED.key());
    if (value.isEmpty()) return null;
    String text = value.get().text();
    try {
      if (text.startsWith("0x") || text.startsWith("0X")) {
        return Long.parseUnsignedLong(text.substring(2), 16);
      }
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      problems.add(value.get() + " is not a seed. Fix: pass a whole number (a long, or hexadecimal"
          + " with 0x), for example -D" + ConfigKey.SEED.key() + "=42; 0 picks one.");
      return null;
    }
  }

  /** The comma-separated, trimmed, non-empty items of {@code key}; empty when not set. */
  public List<String> list(ConfigKey key) {
    return lookup(key.key())
        .map(v -> Arrays.stream(v.text().split(",")).map(String::trim).filter(s -> !s.isEmpty())
            .toList())
        .orElse(List.of());
  }

  /**
   * {@code key}'s value through {@code parser}, which gets the text and a description of where it
   * came from ({@code the system property baton.shard=3/2}) and throws {@link
   * IllegalArgumentException} with the fix; null when not set or malformed (a problem).
   */
  public <T> T parsed(ConfigKey key, BiFunction<String, String, T> parser) {
    Optional<Value> value = lookup(key.key());
    if (value.isEmpty()) return null;
    try {
      return parser.apply(value.get().text(), value.get().toString());
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  /**
   * What {@code reader} reads through the lookup rule (empty when not set); when it throws {@link
   * IllegalArgumentException}, its message becomes a problem and {@code fallback} is returned.
   */
  public <T> T read(Function<Function<String, Optional<String>>, T> reader, Supplier<T> fallback) {
    try {
      return reader.apply(this::value);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return fallback.get();
    }
  }

  private Optional<Value> lookup(String key) {
    String property = System.getProperty(key);
    if (property != null && !property.isBlank()) {
      return Optional.of(new Value(key, property.trim(), "system property"));
    }
    return parameters.apply(key).filter(v -> !v.isBlank())
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
