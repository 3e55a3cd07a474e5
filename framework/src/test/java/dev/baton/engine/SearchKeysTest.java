package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ExploreInterleavings;
import dev.baton.engine.fixtures.config.SearchScenarios;
import dev.baton.scheduler.ExplorationSettings;
import dev.baton.scheduler.SearchSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.ConfigurationParameters;

/** The keys and attributes of the exhaustive search, shrinking and lenient replay. */
class SearchKeysTest {

  @Test
  void withNothingConfiguredTheDefaultsApply() {
    assertThat(settings(Map.of(), "defaults").search()).isEqualTo(SearchSettings.DEFAULTS);
    assertThat(SearchSettings.DEFAULTS)
        .isEqualTo(SearchSettings.builder().maxPreemptions(2).reduction(true).lenientReplay(false)
            .shrinkAttempts(200).shrinkMillis(1_000).build());
  }

  @Test
  void theAnnotationDeclaresTheBoundAndLenientReplay() {
    SearchSettings search = settings(Map.of(), "declared").search();
    assertThat(search.maxPreemptions()).isEqualTo(4);
    assertThat(search.lenientReplay()).isTrue();
  }

  @Test
  void keysOverrideTheAnnotation() {
    SearchSettings search = settings(Map.of(
        "baton.maxPreemptions", "1",
        "baton.reduction", "false",
        "baton.replay.lenient", "false",
        "baton.shrink.attempts", "0",
        "baton.shrink.seconds", "7"), "declared").search();
    assertThat(search).isEqualTo(SearchSettings.builder().maxPreemptions(1).reduction(false)
        .lenientReplay(false).shrinkAttempts(0).shrinkMillis(7_000).build());
  }

  @Test
  void failOnBudgetIsDeclaredByTheAnnotationAndOverriddenByItsKey() {
    assertThat(settings(Map.of(), "defaults").search().failOnBudget()).isFalse();
    assertThat(settings(Map.of(), "failsOnBudget").search().failOnBudget()).isTrue();
    assertThat(settings(Map.of("baton.failOnBudget", "true"), "defaults").search().failOnBudget())
        .isTrue();
    assertThat(settings(Map.of("baton.failOnBudget", "false"), "failsOnBudget").search()
        .failOnBudget()).isFalse();
    // The other settings keep their values.
    assertThat(settings(Map.of("baton.failOnBudget", "true"), "declared").search())
        .isEqualTo(new SearchSettings(4, true, true, 200, 1_000, true));
  }

  @Test
  void aMalformedFailOnBudgetNamesTheKey() {
    List<String> problems = BatonConfiguration.from(
        new MapParameters(Map.of("baton.failOnBudget", "maybe"))).problems();
    assertThat(problems).singleElement().asString()
        .contains("baton.failOnBudget=maybe").contains("pass true or false");
  }

  @Test
  void malformedValuesNameTheKeyAndTheFix() {
    BatonConfiguration configuration = BatonConfiguration.from(new MapParameters(Map.of(
        "baton.maxPreemptions", "-1",
        "baton.replay.lenient", "yes",
        "baton.shrink.attempts", "many")));
    List<String> problems = configuration.problems();
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).contains("baton.maxPreemptions=-1")
        .contains("pass a whole number of at least 0");
    assertThat(problems.get(1)).contains("baton.replay.lenient=yes").contains("pass true or false");
    assertThat(problems.get(2)).contains("baton.shrink.attempts=many");
  }

  private ExplorationSettings settings(Map<String, String> parameters, String method) {
    BatonConfiguration configuration = BatonConfiguration.from(new MapParameters(parameters));
    assertThat(configuration.problems()).isEmpty();
    try {
      ExploreInterleavings annotation =
          SearchScenarios.class.getDeclaredMethod(method).getAnnotation(ExploreInterleavings.class);
      return configuration.settingsFor("SearchKeysTest#" + method, "", annotation);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  /** Explicit parameters only. */
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
}
