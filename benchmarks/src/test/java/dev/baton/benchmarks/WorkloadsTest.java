package dev.baton.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ExplorationResult;
import dev.baton.Interleavings;
import dev.baton.benchmarks.Workloads.Workload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The throughput table's workloads are correct programs, plainly (run twice in one JVM, as the
 * plain-runs column runs them) and under Baton: a row that failed would measure nothing.
 */
class WorkloadsTest {
  @ParameterizedTest
  @EnumSource(Workload.class)
  void everyWorkloadPassesPlainlyAndUnderBaton(Workload workload) throws Exception {
    workload.run();
    workload.run();

    ExplorationResult result = Interleavings.configure().seed(1).schedules(5)
        .explore(workload.scenario);
    assertThat(result.schedules()).isEqualTo(5);
  }
}
