package dev.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ExploreInterleavings;
import dev.baton.Strategy;
import dev.baton.scheduler.ExplorationSettings;
import dev.baton.scheduler.SearchSettings;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The annotation, the builders and the keys' documentation take their defaults from one place. */
class DefaultsTest {

  @Test
  void everyAnnotationAttributeDefaultsToItsConstant() throws Exception {
    Map<String, Object> expected = Map.ofEntries(
        Map.entry("schedules", Defaults.SCHEDULES),
        Map.entry("strategy", Strategy.valueOf(Defaults.STRATEGY_NAME)),
        Map.entry("seed", Defaults.SEED),
        Map.entry("replay", Defaults.REPLAY),
        Map.entry("pctDepth", Defaults.PCT_DEPTH),
        Map.entry("maxSteps", Defaults.MAX_STEPS),
        Map.entry("freshStatics", Defaults.FRESH_STATICS),
        Map.entry("maxPauseMillis", Defaults.MAX_PAUSE_MILLIS),
        Map.entry("spuriousWakeups", Defaults.SPURIOUS_WAKEUPS),
        Map.entry("maxPreemptions", Defaults.MAX_PREEMPTIONS),
        Map.entry("lenientReplay", Defaults.LENIENT_REPLAY),
        Map.entry("failOnBudget", Defaults.FAIL_ON_BUDGET));
    Method[] attributes = ExploreInterleavings.class.getDeclaredMethods();
    assertThat(attributes).extracting(Method::getName)
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (Method attribute : attributes) {
      assertThat(attribute.getDefaultValue()).as(attribute.getName())
          .isEqualTo(expected.get(attribute.getName()));
    }
  }

  @Test
  void theBuildersStartFromTheDefaults() {
    ExplorationSettings s = ExplorationSettings.builder().scenarioId("DefaultsTest#x").build();

    assertThat(s.strategy()).isEqualTo(Strategy.valueOf(Defaults.STRATEGY_NAME));
    assertThat(s.schedules()).isEqualTo(Defaults.SCHEDULES);
    assertThat(s.seed()).isEqualTo(Defaults.SEED);
    assertThat(s.replayToken()).isNull();
    assertThat(s.pctDepth()).isEqualTo(Defaults.PCT_DEPTH);
    assertThat(s.maxSteps()).isEqualTo(Defaults.MAX_STEPS);
    assertThat(s.freshStatics()).isEqualTo(Defaults.FRESH_STATICS);
    assertThat(s.maxPauseMillis()).isEqualTo(Defaults.MAX_PAUSE_MILLIS);
    assertThat(s.spuriousWakeups()).isEqualTo(Defaults.SPURIOUS_WAKEUPS);
    assertThat(s.watchdogMillis()).isEqualTo(Defaults.WATCHDOG_MILLIS);
    assertThat(s.timeBudgetMillis()).isEqualTo(Defaults.TIME_BUDGET_MILLIS);
    assertThat(s.parallelism()).isEqualTo(Defaults.PARALLELISM);
    assertThat(s.search()).isEqualTo(SearchSettings.DEFAULTS);
    assertThat(SearchSettings.DEFAULTS).isEqualTo(new SearchSettings(Defaults.MAX_PREEMPTIONS,
        Defaults.REDUCTION, Defaults.LENIENT_REPLAY, Defaults.SHRINK_ATTEMPTS,
        Defaults.SHRINK_MILLIS, Defaults.FAIL_ON_BUDGET));
  }

  @Test
  void theKeysDocumentTheSameDefaults() {
    assertThat(ConfigKey.SCHEDULES.defaultValue()).isEqualTo("1000");
    assertThat(ConfigKey.WATCHDOG_SECONDS.defaultValue()).isEqualTo("10");
    assertThat(ConfigKey.TIME_BUDGET_SECONDS.defaultValue()).isEqualTo("600");
    assertThat(ConfigKey.SHRINK_SECONDS.defaultValue()).isEqualTo("1");
    assertThat(ConfigKey.MAX_PREEMPTIONS.defaultValue()).isEqualTo("2");
    assertThat(ConfigKey.STRATEGY.defaultValue()).isEqualTo("PORTFOLIO");
  }
}
