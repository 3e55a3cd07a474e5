package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import org.junit.jupiter.api.Test;

/**
 * The default search finds a bug that needs one odd thread among many copies of a worker to run at
 * one moment, and what it finds there replays, in shards and in parallel alike.
 */
class ManyThreadBugsTest {

  @Test
  void theDefaultSearchFindsTheTwoStageBugAmongFortyWritersAndTheTokenReplaysIt() {
    InterleavingFailure found = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().seed(1).explore(ManyThreadScenarios::twoStage40));

    assertThat(found).as("the reader between a writer's two stages").isNotNull();
    assertThat(found.getMessage()).contains("the reader saw stage one without stage two");
    System.out.println("[many threads] two-stage, 40 writers: schedule " + found.schedule());
    InterleavingFailure again = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(found.replayToken())
            .explore(ManyThreadScenarios::twoStage40));
    assertThat(again).isNotNull();
    assertThat(again.trace()).isEqualTo(found.trace());
  }

  /**
   * The selective walks learn from the first schedule which code touches shared objects: a shard
   * that does not run it, and a parallel worker that did not, must learn the same, or their
   * schedules would differ from the single run's.
   */
  @Test
  void aShardAndAParallelRunFindTheSameScheduleAsTheSingleRun() {
    InterleavingFailure single = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().seed(1).explore(ManyThreadScenarios::twoStage40));
    assertThat(single).isNotNull();
    int shards = 3;
    int owner = (single.schedule() - 1) % shards + 1;
    InterleavingFailure shard = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().seed(1).shard(owner, shards)
            .explore(ManyThreadScenarios::twoStage40));
    InterleavingFailure parallel = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().seed(1).parallelism(2)
            .explore(ManyThreadScenarios::twoStage40));

    assertThat(shard).isNotNull();
    assertThat(shard.schedule()).isEqualTo(single.schedule());
    assertThat(shard.replayToken()).isEqualTo(single.replayToken());
    assertThat(parallel).isNotNull();
    assertThat(parallel.schedule()).isEqualTo(single.schedule());
    assertThat(parallel.replayToken()).isEqualTo(single.replayToken());
  }
}
