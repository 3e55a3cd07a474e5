package dev.baton.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Strategy;
import dev.baton.report.ReportSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Named, checked setters: a bad value names the setting, the valid values and the key. */
class ExplorationSettingsBuilderTest {

  @Test
  void everySetterSetsItsComponent() {
    ReportSettings report = new ReportSettings(Path.of("reports"), false, 5_000);
    SearchSettings search = SearchSettings.builder().maxPreemptions(4).reduction(false)
        .lenientReplay(true).shrinkAttempts(7).shrinkMillis(300).failOnBudget(true).build();
    ExplorationSettings s = ExplorationSettings.builder()
        .scenarioId("a.B#c").replayHint("mvn test -Dtest=B#c").strategy(Strategy.PCT)
        .schedules(12).seed(34).replayToken("token").strictReplay(true).pctDepth(5)
        .maxSteps(678).annotated(true).freshStatics(false).maxPauseMillis(9).spuriousWakeups(true)
        .watchdogMillis(1_234).timeBudgetMillis(0).shard(new ShardPlan(2, 3)).parallelism(4)
        .search(search).report(report).build();

    assertThat(s).isEqualTo(new ExplorationSettings("a.B#c", "mvn test -Dtest=B#c",
        Strategy.PCT, 12, 34, "token", true, 5, 678, true, false, 9, true, 1_234, 0,
        new ShardPlan(2, 3), 4, new SearchSettings(4, false, true, 7, 300, true), report));
    assertThat(s.toBuilder().build()).isEqualTo(s);
    assertThat(s.toBuilder().schedules(13).build().schedules()).isEqualTo(13);
  }

  @Test
  void aBlankTokenExplores() {
    assertThat(ExplorationSettings.builder().scenarioId("x").replayToken("  ").build()
        .replayToken()).isNull();
  }

  @Test
  void badValuesNameTheSettingTheRangeAndTheKey() {
    ExplorationSettings.Builder b = ExplorationSettings.builder();
    assertThatThrownBy(() -> b.schedules(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schedules = 0: it must be at least 1 (key baton.schedules)");
    assertThatThrownBy(() -> b.pctDepth(0)).hasMessageContaining("key baton.pctDepth");
    assertThatThrownBy(() -> b.maxSteps(-5)).hasMessageContaining("maxSteps = -5");
    assertThatThrownBy(() -> b.maxPauseMillis(-1))
        .hasMessage("maxPauseMillis = -1: it must be 0 (never pause) or more"
            + " (key baton.maxPauseMillis)");
    assertThatThrownBy(() -> b.watchdogMillis(0)).hasMessageContaining("baton.watchdogSeconds");
    assertThatThrownBy(() -> b.timeBudgetMillis(-1)).hasMessageContaining("0 (no limit) or more");
    assertThatThrownBy(() -> b.parallelism(-1))
        .hasMessageContaining("use 1 or more, or 0 for every core");
    assertThatThrownBy(() -> b.scenarioId(" ")).hasMessageContaining("scenarioId is blank");
    assertThatThrownBy(() -> SearchSettings.builder().maxPreemptions(-1))
        .hasMessage("maxPreemptions = -1: it must be 0 (no preemption at all) or more; 2 is the"
            + " default (key baton.maxPreemptions)");
    assertThatThrownBy(() -> SearchSettings.builder().shrinkAttempts(-1))
        .hasMessageContaining("baton.shrink.attempts");
  }

  @Test
  void theLimitsThemselvesAreAccepted() {
    ExplorationSettings s = ExplorationSettings.builder().scenarioId("x").schedules(1)
        .pctDepth(1).maxSteps(1).maxPauseMillis(0).watchdogMillis(1).timeBudgetMillis(0)
        .parallelism(0).search(SearchSettings.builder().maxPreemptions(0).shrinkAttempts(0)
            .shrinkMillis(0).build())
        .build();
    assertThat(s.schedules()).isEqualTo(1);
    assertThat(s.parallelism()).isZero();
  }

  @Test
  void aScenarioIdIsRequired() {
    assertThatThrownBy(() -> ExplorationSettings.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("scenarioId is not set");
  }
}
