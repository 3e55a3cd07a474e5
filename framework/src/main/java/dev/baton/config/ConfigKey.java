package dev.baton.config;

import java.util.Arrays;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Every configuration key Baton reads, in one enumerable list: its name, what it means, its
 * default and its valid values (the reference table of the documentation is generated from it).
 *
 * <p>A key is read as a JVM system property first, then as a JUnit configuration parameter; a
 * blank value counts as not set (see {@link Configuration}). The keys of an {@link
 * dev.baton.ExploreInterleavings} attribute override that attribute for every test.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ConfigKey {
  SCHEDULES("baton.schedules", "schedules", "the schedule budget of every test",
      String.valueOf(Defaults.SCHEDULES), 1, Integer.MAX_VALUE, "500"),
  STRATEGY("baton.strategy", "strategy", "the strategy of every test", Defaults.STRATEGY_NAME,
      "RANDOM, PCT, POS, EXHAUSTIVE or PORTFOLIO, in any case"),
  SEED("baton.seed", "seed", "the seed of every test", "0 (picks one and prints it)",
      "a long, decimal or hexadecimal with 0x"),
  REPLAY("baton.replay", "replay",
      "a replay token: the scenario that recorded it replays it strictly instead of exploring",
      "none", "a token printed by a failure"),
  REPLAY_LENIENT("baton.replay.lenient", "lenientReplay",
      "whether a replay continues with the token's strategy where the code changed",
      String.valueOf(Defaults.LENIENT_REPLAY), "true or false"),
  FAIL_ON_BUDGET("baton.failOnBudget", "failOnBudget",
      "whether an exploration its time budget stopped early fails instead of passing with a note",
      String.valueOf(Defaults.FAIL_ON_BUDGET), "true or false"),
  INSTRUMENT_EXCLUDE("baton.instrument.exclude", null,
      "package prefixes the instrumenting class loader leaves alone", "none",
      "comma-separated package prefixes"),
  PCT_DEPTH("baton.pctDepth", "pctDepth", "PCT's bug depth of every test",
      String.valueOf(Defaults.PCT_DEPTH), 1, Integer.MAX_VALUE, "3"),
  MAX_STEPS("baton.maxSteps", "maxSteps",
      "scheduling points one schedule may take before it counts as not terminating",
      String.valueOf(Defaults.MAX_STEPS), 1, Integer.MAX_VALUE, "1000000"),
  FRESH_STATICS("baton.freshStatics", "freshStatics",
      "whether every schedule gets fresh static state", String.valueOf(Defaults.FRESH_STATICS),
      "true or false"),
  MAX_PAUSE_MILLIS("baton.maxPauseMillis", "maxPauseMillis",
      "the pause budget of every schedule, in milliseconds of virtual time",
      String.valueOf(Defaults.MAX_PAUSE_MILLIS), 0, Long.MAX_VALUE / 1_000_000, "1000"),
  SPURIOUS_WAKEUPS("baton.spuriousWakeups", "spuriousWakeups",
      "whether waits may wake up without a notification",
      String.valueOf(Defaults.SPURIOUS_WAKEUPS), "true or false"),
  WATCHDOG_SECONDS("baton.watchdogSeconds", null,
      "seconds a thread may stay outside Baton's control before its schedule fails",
      String.valueOf(Defaults.WATCHDOG_MILLIS / 1000), 1, 86_400, "30"),
  TIME_BUDGET_SECONDS("baton.timeBudgetSeconds", null,
      "wall-clock seconds each test's exploration may take; 0 for no limit",
      String.valueOf(Defaults.TIME_BUDGET_MILLIS / 1000), 0, Long.MAX_VALUE / 1000, "3600"),
  SHARD("baton.shard", null,
      "run only the i-th of n shares of every exploration's schedules (one CI job each)",
      "1/1 (every schedule)", "i/n with 1 <= i <= n"),
  PARALLELISM("baton.parallelism", null,
      "how many schedules of an exploration run at once; 0 for every core",
      String.valueOf(Defaults.PARALLELISM), 0, 1024, "4 (0 uses every core)"),
  MAX_PREEMPTIONS("baton.maxPreemptions", "maxPreemptions",
      "the exhaustive search's preemption bound", String.valueOf(Defaults.MAX_PREEMPTIONS),
      0, Integer.MAX_VALUE, "3"),
  REDUCTION("baton.reduction", null,
      "whether the exhaustive search skips schedules that only reorder independent steps",
      String.valueOf(Defaults.REDUCTION), "true or false"),
  SHRINK_ATTEMPTS("baton.shrink.attempts", null,
      "schedules Baton may run to shorten a failure; 0 reports it as found",
      String.valueOf(Defaults.SHRINK_ATTEMPTS), 0, Integer.MAX_VALUE, "1000"),
  SHRINK_SECONDS("baton.shrink.seconds", null, "wall-clock seconds shrinking may take",
      String.valueOf(Defaults.SHRINK_MILLIS / 1000), 0, 86_400, "10"),
  REPORT_DIR("baton.reportDir", null,
      "the directory of the HTML report and trace file of each failing test",
      "target/baton (build/baton in a Gradle project)", "a directory path"),
  PROGRESS("baton.progress", null, "whether long explorations print a progress line",
      Defaults.PROGRESS + " (on unless the environment variable CI is set)",
      "true, false or auto"),
  PROGRESS_SECONDS("baton.progressSeconds", null,
      "seconds between two progress lines of one exploration",
      String.valueOf(Defaults.PROGRESS_SECONDS), 1, 86_400, "30"),
  LINCHECK_ITERATIONS("baton.lincheck.iterations", "iterations", "Lincheck's scenarios per check",
      "@CheckLinearizability(iterations)", "a whole number of at least 1"),
  LINCHECK_INVOCATIONS("baton.lincheck.invocations", "invocations",
      "Lincheck's runs per scenario", "@CheckLinearizability(invocations)",
      "a whole number of at least 1"),
  LINCHECK_THREADS("baton.lincheck.threads", "threads", "threads per scenario, every mode",
      "@CheckLinearizability(threads)", "a whole number of at least 1"),
  LINCHECK_ACTORS_PER_THREAD("baton.lincheck.actorsPerThread", "actorsPerThread",
      "operations per thread, every mode", "@CheckLinearizability(actorsPerThread)",
      "a whole number of at least 1; threads x actorsPerThread at most 60"),
  LINCHECK_TIMEOUT_SECONDS("baton.lincheck.timeoutSeconds", null,
      "watchdog of one check in Lincheck's own modes, in seconds",
      String.valueOf(Defaults.LINCHECK_TIMEOUT_SECONDS), "a whole number of at least 1"),
  LINCHECK_MINIMIZE("baton.lincheck.minimize", null,
      "whether Lincheck shrinks a failing scenario", "true", "true or false"),
  JCSTRESS_MODE("baton.jcstress.mode", null,
      "how JCStress tests run: a quick JCStress run, JCStress's own default mode, or Baton's"
          + " interleaving analysis only",
      "fast", "fast, thorough or interleavings"),
  JCSTRESS_ARGS("baton.jcstress.args", null,
      "JCStress command-line options used instead of the mode's", "the mode's",
      "JCStress options, for example -m stress -iters 5"),
  JCSTRESS_TIMEOUT_SECONDS("baton.jcstress.timeoutSeconds", null,
      "wall-clock limit of the whole JCStress batch, in seconds",
      "60 plus 30 per test (fast), 900 per test (thorough)", "a whole number of at least 1"),
  JCSTRESS_MAX_SCHEDULES("baton.jcstress.maxSchedules", null,
      "interleavings Baton may enumerate per JCStress test; 0 turns the analysis off",
      String.valueOf(Defaults.JCSTRESS_MAX_SCHEDULES), "a whole number of at least 0");

  private final String key;
  private final String attribute;
  private final String meaning;
  private final String defaultValue;
  private final String validValues;
  private final long min;
  private final long max;
  private final String example;

  /** A key whose values are not a plain range of whole numbers. */
  ConfigKey(String key, String attribute, String meaning, String defaultValue, String validValues) {
    this(key, attribute, meaning, defaultValue, validValues, 0, 0, null);
  }

  /** A whole-number key from {@code min} to {@code max}. */
  ConfigKey(String key, String attribute, String meaning, String defaultValue, long min, long max,
      String example) {
    this(key, attribute, meaning, defaultValue, range(min, max), min, max, example);
  }

  ConfigKey(String key, String attribute, String meaning, String defaultValue, String validValues,
      long min, long max, String example) {
    this.key = key;
    this.attribute = attribute;
    this.meaning = meaning;
    this.defaultValue = defaultValue;
    this.validValues = validValues;
    this.min = min;
    this.max = max;
    this.example = example;
  }

  /** The key's name, such as {@code baton.schedules}. */
  public String key() {
    return key;
  }

  /** The {@code @ExploreInterleavings} or {@code @CheckLinearizability} attribute it overrides. */
  public Optional<String> attribute() {
    return Optional.ofNullable(attribute);
  }

  /** What the key sets, as a phrase. */
  public String meaning() {
    return meaning;
  }

  /** The default, as the documentation states it. */
  public String defaultValue() {
    return defaultValue;
  }

  /** The values it accepts, as a phrase. */
  public String validValues() {
    return validValues;
  }

  /** Whether the key takes a whole number in [{@link #min()}, {@link #max()}]. */
  public boolean isWholeNumber() {
    return example != null;
  }

  /** The least whole number the key accepts. */
  public long min() {
    return min;
  }

  /** The greatest whole number the key accepts. */
  public long max() {
    return max;
  }

  /** A valid value for the fix of an error message. */
  public String example() {
    return example;
  }

  /** The key named {@code name}, if Baton reads it. */
  public static Optional<ConfigKey> named(String name) {
    return Arrays.stream(values()).filter(k -> k.key.equals(name)).findFirst();
  }

  /** "of at least 1" for an unbounded range, "from 0 to 1024" otherwise. */
  static String range(long min, long max) {
    return "a whole number "
        + (max == Integer.MAX_VALUE || max >= Long.MAX_VALUE / 1_000_000
            ? "of at least " + min
            : "from " + min + " to " + max);
  }
}
