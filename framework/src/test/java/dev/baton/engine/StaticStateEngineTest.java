package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.baton.engine.fixtures.statics.StaticCounterFixture;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** An {@code @ExploreInterleavings} test sees fresh static state in every schedule by default. */
class StaticStateEngineTest {

  @BeforeEach
  void clearLog() {
    EventLog.clear();
  }

  @Test
  void everyScheduleStartsFromTheInitialStaticState() {
    EngineExecutionResults results = run("twoRequestsCountTwo");

    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    assertThat(EventLog.events()).isEqualTo(Collections.nCopies(25, "requests=2"));
  }

  @Test
  void theStaticStateIsResetInPlaceSoTheClassStaysLoadedOnce() {
    EngineExecutionResults results = run("recordsItsLoader");

    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    List<String> loaders = EventLog.events().stream().filter(e -> e.startsWith("loader ")).toList();
    assertThat(loaders).hasSize(10);
    assertThat(Set.copyOf(loaders)).hasSize(1);
    assertThat(EventLog.events()).filteredOn(e -> e.startsWith("requests="))
        .containsOnly("requests=2");
  }

  @Test
  void freshStaticsFalseSharesTheClassesAcrossSchedules() {
    EngineExecutionResults results = run("withSharedStaticsTheCountCarriesOver");

    results.testEvents().assertStatistics(stats -> stats.failed(1));
    assertThat(EventLog.events()).containsExactly("requests=2", "requests=4");
  }

  private static EngineExecutionResults run(String method) {
    return EngineTestKit.engine("baton")
        .selectors(selectMethod(StaticCounterFixture.class, method))
        .execute();
  }
}
