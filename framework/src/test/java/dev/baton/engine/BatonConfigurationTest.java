package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.baton.ExploreInterleavings;
import dev.baton.Strategy;
import dev.baton.config.ConfigKey;
import dev.baton.engine.fixtures.config.ConfiguredScenarios;
import dev.baton.scheduler.ExplorationSettings;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Precedence: system property, then JUnit configuration parameter, then the annotation. */
class BatonConfigurationTest {
  private static final List<String> KEYS =
      Arrays.stream(ConfigKey.values()).map(ConfigKey::key).toList();

  private final Map<String, String> savedProperties = new HashMap<>();

  @BeforeEach
  void clearBatonProperties() {
    for (String key : KEYS) {
      String value = System.clearProperty(key);
      if (value != null) savedProperties.put(key, value);
    }
  }

  @AfterEach
  void restoreBatonProperties() {
    for (String key : KEYS) {
      System.clearProperty(key);
    }
    savedProperties.forEach(System::setProperty);
  }

  @Test
  void withNothingConfiguredTheAnnotationDecides() {
    ExplorationSettings settings = settings(Map.of(), "configured");

    assertThat(settings)
        .isEqualTo(
            ExplorationSettings.builder()
                .scenarioId(ConfiguredScenarios.class.getName() + "#configured")
                .replayHint("mvn test -Dtest=ConfiguredScenarios#configured")
                .strategy(Strategy.PCT)
                .schedules(7)
                .seed(11)
                .replayToken("pinned-token")
                .pctDepth(4)
                .maxSteps(500)
                .annotated(true)
                .build());
  }

  @Test
  void annotationDefaultsExploreWithoutReplay() {
    ExplorationSettings settings = settings(Map.of(), "defaults");

    assertThat(settings.strategy()).isEqualTo(Strategy.PORTFOLIO);
    assertThat(settings.schedules()).isEqualTo(1000);
    assertThat(settings.seed()).isZero();
    assertThat(settings.replayToken()).isNull();
    assertThat(settings.strictReplay()).isFalse();
    assertThat(settings.pctDepth()).isEqualTo(3);
    assertThat(settings.maxSteps()).isEqualTo(10_000_000);
  }

  @Test
  void configurationParametersOverrideTheAnnotation() {
    ExplorationSettings settings =
        settings(
            Map.of(
                "baton.schedules", "20",
                "baton.strategy", "exhaustive",
                "baton.seed", "99",
                "baton.replay", " cli-token "),
            "configured");

    assertThat(settings.schedules()).isEqualTo(20);
    assertThat(settings.strategy()).isEqualTo(Strategy.EXHAUSTIVE);
    assertThat(settings.seed()).isEqualTo(99);
    assertThat(settings.replayToken()).isEqualTo("cli-token");
    assertThat(settings.strictReplay()).as("a configured replay is strict").isTrue();
    assertThat(settings.pctDepth()).isEqualTo(4);
    assertThat(settings.maxSteps()).isEqualTo(500);
  }

  @Test
  void systemPropertiesOverrideConfigurationParameters() {
    System.setProperty("baton.schedules", "3");
    System.setProperty("baton.strategy", "Pos");
    System.setProperty("baton.seed", "-5");
    System.setProperty("baton.replay", "property-token");

    ExplorationSettings settings =
        settings(
            Map.of(
                "baton.schedules", "20",
                "baton.strategy", "exhaustive",
                "baton.seed", "99",
                "baton.replay", "parameter-token"),
            "configured");

    assertThat(settings.schedules()).isEqualTo(3);
    assertThat(settings.strategy()).isEqualTo(Strategy.POS);
    assertThat(settings.seed()).isEqualTo(-5);
    assertThat(settings.replayToken()).isEqualTo("property-token");
    assertThat(settings.strictReplay()).isTrue();
  }

  @Test
  void blankValuesCountAsNotSet() {
    System.setProperty("baton.replay", "");
    System.setProperty("baton.schedules", "  ");

    BatonConfiguration configuration = configuration(Map.of("baton.seed", ""));
    ExplorationSettings settings = settingsFor(configuration, "configured");

    assertThat(configuration.problems()).isEmpty();
    assertThat(settings.replayToken()).isEqualTo("pinned-token");
    assertThat(settings.strictReplay()).isFalse();
    assertThat(settings.schedules()).isEqualTo(7);
    assertThat(settings.seed()).isEqualTo(11);
  }

  @Test
  void aSeedMayBeHexadecimal() {
    assertThat(settings(Map.of("baton.seed", "0xff"), "defaults").seed()).isEqualTo(255);
    assertThat(settings(Map.of("baton.seed", "0xFFFFFFFFFFFFFFFF"), "defaults").seed())
        .isEqualTo(-1);
  }

  @Test
  void instrumentationExclusionsAreCommaSeparatedPrefixes() {
    BatonConfiguration configuration =
        configuration(Map.of("baton.instrument.exclude", " com.acme.generated. , ,org.example."));

    assertThat(configuration.instrumentExclusions())
        .containsExactly("com.acme.generated.", "org.example.");
    assertThat(configuration(Map.of()).instrumentExclusions()).isEmpty();
  }

  @Test
  void malformedValuesAreProblemsNamingKeyValueAndValidChoices() {
    BatonConfiguration configuration =
        configuration(
            Map.of(
                "baton.schedules", "abc",
                "baton.strategy", "fastest",
                "baton.seed", "1.5"));

    assertThat(configuration.problems())
        .satisfiesExactlyInAnyOrder(
            p -> assertThat(p).contains("baton.schedules=abc").contains("at least 1"),
            p ->
                assertThat(p)
                    .contains("baton.strategy=fastest")
                    .contains("RANDOM, PCT, POS, EXHAUSTIVE"),
            p -> assertThat(p).contains("baton.seed=1.5").contains("whole number"));
  }

  @Test
  void aScheduleBudgetBelowOneIsAProblem() {
    assertThat(configuration(Map.of("baton.schedules", "0")).problems())
        .singleElement()
        .asString()
        .contains("baton.schedules=0");
  }

  @Test
  void theEngineFailsEveryTestOnAMalformedConfigurationParameter() {
    EngineExecutionResults results =
        EngineTestKit.engine("baton")
            .selectors(selectMethod(ConfiguredScenarios.class, "defaults"))
            .configurationParameter("baton.schedules", "abc")
            .execute();

    String message = EngineMisuseTest.onlyFailureMessage(results);
    assertThat(message)
        .contains(ConfiguredScenarios.class.getName() + "#defaults()")
        .contains("JUnit configuration parameter baton.schedules=abc");
  }

  @Test
  void theEngineFailsEveryTestOnAMalformedReportKey() {
    EngineExecutionResults results =
        EngineTestKit.engine("baton")
            .selectors(selectMethod(ConfiguredScenarios.class, "defaults"))
            .configurationParameter("baton.progress", "sometimes")
            .execute();

    assertThat(EngineMisuseTest.onlyFailureMessage(results))
        .contains(ConfiguredScenarios.class.getName() + "#defaults()")
        .contains("baton.progress=sometimes is not valid")
        .contains("true, false or auto");
  }

  @Test
  void reportKeysComeFromConfigurationParameters() {
    BatonConfiguration configuration = configuration(
        Map.of("baton.reportDir", "out/reports", "baton.progress", "true",
            "baton.progressSeconds", "3"));

    assertThat(configuration.problems()).isEmpty();
    assertThat(configuration.reportSettings().directory())
        .isEqualTo(java.nio.file.Path.of("").toAbsolutePath().resolve("out/reports"));
    assertThat(configuration.reportSettings().progress()).isTrue();
    assertThat(configuration.reportSettings().progressIntervalMillis()).isEqualTo(3_000);
  }

  @Test
  void theEngineReadsTheSystemPropertyBeforeTheConfigurationParameter() {
    System.setProperty("baton.strategy", "sideways");

    EngineExecutionResults results =
        EngineTestKit.engine("baton")
            .selectors(selectMethod(ConfiguredScenarios.class, "defaults"))
            .configurationParameter("baton.strategy", "pct")
            .execute();

    String message = EngineMisuseTest.onlyFailureMessage(results);
    assertThat(message)
        .contains(ConfiguredScenarios.class.getName() + "#defaults()")
        .contains("system property baton.strategy=sideways")
        .contains("RANDOM, PCT, POS, EXHAUSTIVE");
  }

  private static ExplorationSettings settings(Map<String, String> parameters, String method) {
    BatonConfiguration configuration = configuration(parameters);
    assertThat(configuration.problems()).isEmpty();
    return settingsFor(configuration, method);
  }

  private static ExplorationSettings settingsFor(BatonConfiguration configuration, String method) {
    try {
      ExploreInterleavings annotation =
          ConfiguredScenarios.class
              .getDeclaredMethod(method)
              .getAnnotation(ExploreInterleavings.class);
      return configuration.settingsFor(
          ConfiguredScenarios.class.getName() + "#" + method,
          "mvn test -Dtest=ConfiguredScenarios#" + method,
          annotation);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  private static BatonConfiguration configuration(Map<String, String> parameters) {
    return BatonConfiguration.from(new MapParameters(parameters));
  }

  /** Explicit parameters only: unlike the launcher's, no fallback to system properties. */
  private record MapParameters(Map<String, String> values) implements ConfigurationParameters {
    @Override
    public Optional<String> get(String key) {
      return Optional.ofNullable(values.get(key));
    }

    @Override
    public Optional<Boolean> getBoolean(String key) {
      return get(key).map(Boolean::parseBoolean);
    }

    @Override
    public Set<String> keySet() {
      return values.keySet();
    }
  }

  @org.junit.jupiter.api.Test
  void warnsWhenAConfiguredTokenWasRecordedByNoScenarioThatRan() {
    String previous = System.setProperty(REPLAY_KEY, "AQX1Mq4AAAAAAAAAAAcCCAABAQEAAQICAQIAAR0CZmA");
    try {
      BatonConfiguration configuration = BatonConfiguration.fromSystemProperties();
      org.assertj.core.api.Assertions.assertThat(configuration.unusedReplayWarning())
          .hasValueSatisfying(w -> org.assertj.core.api.Assertions.assertThat(w)
              .contains("baton.replay was set, but no test that ran recorded that token"));
      configuration.override(ExplorationSettings.builder()
          .scenarioId("dev.baton.engine.fixtures.races.LostUpdateFixture#bothIncrementsLand")
          .schedules(1)
          .maxSteps(100)
          .timeBudgetMillis(0)
          .build());
      org.assertj.core.api.Assertions.assertThat(configuration.unusedReplayWarning()).isEmpty();
    } finally {
      if (previous == null) System.clearProperty(REPLAY_KEY);
      else System.setProperty(REPLAY_KEY, previous);
    }
  }

  private static final String REPLAY_KEY = "baton.replay";
}
