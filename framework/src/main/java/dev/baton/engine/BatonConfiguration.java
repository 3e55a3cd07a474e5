package dev.baton.engine;

import dev.baton.ExploreInterleavings;
import dev.baton.config.ConfigKey;
import dev.baton.config.Configuration;
import dev.baton.report.ReportSettings;
import dev.baton.scheduler.ConfiguredSettings;
import dev.baton.scheduler.ExplorationSettings;
import dev.baton.scheduler.SearchSettings;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * Baton's configuration keys ({@link ConfigKey}), read once per engine execution.
 *
 * <p>Each key is looked up as a JVM system property first, then as a JUnit configuration parameter
 * ({@code junit-platform.properties}, Surefire's {@code configurationParameters}, a launcher
 * request); a value found either way overrides the matching {@link ExploreInterleavings} attribute
 * of every test. A blank value counts as not set, so {@code -Dbaton.replay=} explores as usual.
 * The configured {@code baton.replay} is replayed strictly, so a token that no longer matches the
 * code fails (the annotation's {@code replay} is lenient instead: see {@link
 * ExplorationSettings#strictReplay()}).
 *
 * <p>A malformed value does not stop the engine: {@link #problems()} lists it and every test fails
 * with that explanation.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BatonConfiguration {
  private final Configuration configuration;
  private final ConfiguredSettings settings;

  private BatonConfiguration(Configuration configuration) {
    this.configuration = configuration;
    this.settings = new ConfiguredSettings(configuration);
  }

  /** Reads every key from the system properties and {@code parameters}. */
  public static BatonConfiguration from(ConfigurationParameters parameters) {
    return new BatonConfiguration(Configuration.from(parameters::get));
  }

  /** Reads every key from the system properties only. */
  public static BatonConfiguration fromSystemProperties() {
    return new BatonConfiguration(Configuration.fromSystemProperties());
  }

  /** The report directory and progress keys ({@link ReportSettings}), read the same way. */
  public ReportSettings reportSettings() {
    return settings.report();
  }

  /**
   * A warning when {@code baton.replay} was set but no scenario so far recorded that token, or
   * empty; see {@link ConfiguredSettings#unusedReplayWarning()}.
   */
  public Optional<String> unusedReplayWarning() {
    return settings.unusedReplayWarning();
  }

  /** Malformed values, one sentence each naming the key, the value and what would be valid. */
  public List<String> problems() {
    return configuration.problems();
  }

  /** Package prefixes to leave uninstrumented, from {@code baton.instrument.exclude}. */
  public List<String> instrumentExclusions() {
    return settings.instrumentExclusions();
  }

  /**
   * The settings of one test: its annotation with the configured values applied. Only meaningful
   * when {@link #problems()} is empty.
   */
  public ExplorationSettings settingsFor(
      String scenarioId, String replayHint, ExploreInterleavings annotation) {
    return override(declared(scenarioId, replayHint, annotation));
  }

  /** The settings {@code annotation} declares, before configuration. */
  static ExplorationSettings declared(
      String scenarioId, String replayHint, ExploreInterleavings annotation) {
    return ExplorationSettings.builder()
        .scenarioId(scenarioId)
        .replayHint(replayHint)
        .strategy(annotation.strategy())
        .schedules(annotation.schedules())
        .seed(annotation.seed())
        .replayToken(annotation.replay().isBlank() ? null : annotation.replay().trim())
        .pctDepth(annotation.pctDepth())
        .maxSteps(annotation.maxSteps())
        .annotated(true)
        .freshStatics(annotation.freshStatics())
        .maxPauseMillis(annotation.maxPauseMillis())
        .spuriousWakeups(annotation.spuriousWakeups())
        .search(SearchSettings.builder()
            .maxPreemptions(annotation.maxPreemptions())
            .lenientReplay(annotation.lenientReplay())
            .failOnBudget(annotation.failOnBudget())
            .build())
        .build();
  }

  /**
   * {@code declared} with the configured values applied; see {@link ConfiguredSettings#apply}.
   */
  public ExplorationSettings override(ExplorationSettings declared) {
    return settings.apply(declared);
  }

  /**
   * The value of any {@code baton.*} key by the same rule (system property first, then the JUnit
   * configuration parameter; blank counts as unset), for bridges that own their keys, such as
   * {@code baton.jcstress.*} and {@code baton.lincheck.*}.
   */
  public Optional<String> value(String key) {
    return configuration.value(key);
  }
}
