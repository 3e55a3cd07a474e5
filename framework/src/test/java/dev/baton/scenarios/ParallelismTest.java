package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * {@code baton.parallelism}: schedules run at once give the results and tokens of the run one at a
 * time, and the failure reported is the one with the lowest schedule number.
 */
class ParallelismTest {

  @ParameterizedTest
  @EnumSource(value = Strategy.class, names = {"RANDOM", "PCT", "POS", "PORTFOLIO"})
  void parallelSchedulesAreTheSchedulesOfTheSingleCoreRun(Strategy strategy) {
    ExplorationResult single = explore(ShardingTest::casRetries, strategy, 60, 1);
    ExplorationResult parallel = explore(ShardingTest::casRetries, strategy, 60, 3);
    assertThat(parallel.schedules()).isEqualTo(single.schedules()).isEqualTo(60);
    assertThat(parallel.seed()).isEqualTo(single.seed());
    // Every figure, the fingerprint of (schedule, choices) included.
    assertThat(parallel.coverage()).isEqualTo(single.coverage());
    assertThat(parallel.note()).containsPattern("Ran \\d+ schedules at a time \\(baton.parallelism\\)");
  }

  @ParameterizedTest
  @EnumSource(value = Strategy.class, names = {"RANDOM", "PCT", "POS", "PORTFOLIO"})
  void theFailureReportedIsTheSingleRunsFirstWithItsToken(Strategy strategy) {
    for (long seed = 1; seed <= 4; seed++) {
      long s = seed;
      InterleavingFailure single = catchThrowableOfType(InterleavingFailure.class,
          () -> Interleavings.configure().strategy(strategy).seed(s).schedules(2000)
              .explore(ParallelismTest::narrowWindow));
      InterleavingFailure parallel = catchThrowableOfType(InterleavingFailure.class,
          () -> Interleavings.configure().strategy(strategy).seed(s).schedules(2000)
              .parallelism(3).explore(ParallelismTest::narrowWindow));
      assertThat(single).as("seed %d", seed).isNotNull();
      assertThat(parallel).as("seed %d", seed).isNotNull();
      assertThat(parallel.schedule()).as("seed %d", seed).isEqualTo(single.schedule());
      assertThat(parallel.replayToken()).isEqualTo(single.replayToken());
      assertThat(parallel.trace()).isEqualTo(single.trace());
      assertThat(parallel.getMessage()).isEqualTo(single.getMessage());
      System.out.println("[parallelism test] " + strategy + " seed " + seed + ": schedule "
          + single.schedule());
    }
  }

  @Test
  void everyScheduleStillStartsFromFreshStaticState() {
    ExplorationResult result = Interleavings.configure().schedules(40).seed(3).parallelism(2)
        .explore(StaticStateScenarios::registerTwice);
    assertThat(result.schedules()).isEqualTo(40);
  }

  @Test
  void shardsRunInParallelAddUpToTheWholeRun() {
    ExplorationResult whole = explore(ShardingTest::casRetries, Strategy.PCT, 40, 1);
    long sum = 0;
    for (int shard = 1; shard <= 2; shard++) {
      sum += Interleavings.configure().strategy(Strategy.PCT).schedules(40).seed(42)
          .shard(shard, 2).parallelism(2).explore(ShardingTest::casRetries)
          .coverage().fingerprint();
    }
    assertThat(sum).isEqualTo(whole.coverage().fingerprint());
  }

  @Test
  void aScenarioThatCapturesValuesRunsItsSchedulesOneAtATime() {
    java.util.List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExplorationResult result = Interleavings.configure().schedules(5).parallelism(2)
        .explore(() -> seen.add(seen.size()));
    assertThat(seen).containsExactly(0, 1, 2, 3, 4); // in order: one schedule at a time
    assertThat(result.note()).isEqualTo("baton.parallelism runs schedules at once only when they"
        + " share nothing: this scenario lambda captures values, which all its schedules share, so"
        + " they ran one at a time.");
  }

  @Test
  void aNegativeParallelismIsRefused() {
    assertThatThrownBy(() -> Interleavings.configure().parallelism(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use 1 or more, or 0 for every core");
  }

  /**
   * Fails only when the reader's one read falls between the writer's third and fourth write: rare
   * enough that the first failure comes after some schedules, with more failing ones around it, so
   * that failing and passing schedules run at once.
   */
  static void narrowWindow() throws InterruptedException {
    Window w = new Window();
    Thread writer = new Thread(() -> {
      for (int i = 1; i <= 12; i++) w.value = i;
    });
    Thread reader = new Thread(() -> w.seen = w.value);
    writer.start();
    reader.start();
    writer.join();
    reader.join();
    Scenarios.check(w.seen != 3, "the reader saw the window: " + w.seen);
  }

  static final class Window {
    volatile int value;
    int seen;
  }

  private static ExplorationResult explore(
      Scenario scenario, Strategy strategy, int budget, int parallelism) {
    return Interleavings.configure().strategy(strategy).schedules(budget).seed(42)
        .parallelism(parallelism).explore(scenario);
  }
}
