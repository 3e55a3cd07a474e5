package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code baton.shard}: the shards of an exploration run exactly the schedules of the whole run,
 * each once, and a failing schedule has the same number and token in its shard as in the whole run.
 */
class ShardingTest {
  private static final int SHARDS = 3;

  @ParameterizedTest
  @EnumSource(value = Strategy.class, names = {"RANDOM", "PCT", "POS"})
  void theShardsTogetherRunExactlyTheSchedulesOfTheWholeRun(Strategy strategy) {
    int budget = 40;
    ExplorationResult whole = explore(ShardingTest::casRetries, strategy, budget, 0, 0);
    assertThat(whole.schedules()).isEqualTo(budget);
    long fingerprints = 0;
    int schedules = 0;
    for (int shard = 1; shard <= SHARDS; shard++) {
      ExplorationResult part = explore(ShardingTest::casRetries, strategy, budget, shard, SHARDS);
      assertThat(part.seed()).isEqualTo(whole.seed());
      assertThat(part.schedules()).isEqualTo(part.coverage().schedules()).isBetween(13, 14);
      assertThat(part.note()).startsWith("Shard " + shard + "/3 owns " + part.schedules()
          + " of the 40 schedules (numbers " + shard + ", " + (shard + 3) + ", ");
      fingerprints += part.coverage().fingerprint();
      schedules += part.schedules();
    }
    assertThat(schedules).isEqualTo(budget);
    // Equal sums of per-schedule hashes of (index, choices): the same schedules, each once.
    assertThat(fingerprints).isEqualTo(whole.coverage().fingerprint());
  }

  @Test
  void aMissingScheduleOrADifferentSeedChangesTheFingerprint() {
    long whole = explore(Scenarios::synchronizedUpdate, Strategy.RANDOM, 40, 0, 0)
        .coverage().fingerprint();
    long twoOfThree = explore(Scenarios::synchronizedUpdate, Strategy.RANDOM, 40, 1, 3)
        .coverage().fingerprint()
        + explore(Scenarios::synchronizedUpdate, Strategy.RANDOM, 40, 2, 3)
        .coverage().fingerprint();
    assertThat(twoOfThree).isNotEqualTo(whole);
    ExplorationResult otherSeed = Interleavings.configure().schedules(40).seed(43)
        .strategy(Strategy.RANDOM).explore(Scenarios::synchronizedUpdate);
    assertThat(otherSeed.coverage().fingerprint()).isNotEqualTo(whole);
  }

  @ParameterizedTest
  @EnumSource(value = Strategy.class, names = {"RANDOM", "PCT", "POS"})
  void theShardOwningTheFirstFailingScheduleReportsItWithTheSameNumberAndToken(Strategy strategy) {
    InterleavingFailure whole = catchThrowableOfType(InterleavingFailure.class,
        () -> explore(Scenarios::lostUpdate, strategy, 500, 0, 0));
    assertThat(whole).isNotNull();
    int owner = (whole.schedule() - 1) % SHARDS + 1;
    for (int shard = 1; shard <= SHARDS; shard++) {
      int s = shard;
      InterleavingFailure part = catchThrowableOfType(InterleavingFailure.class,
          () -> explore(Scenarios::lostUpdate, strategy, 500, s, SHARDS));
      if (shard == owner) {
        assertThat(part).isNotNull();
        assertThat(part.schedule()).isEqualTo(whole.schedule());
        assertThat(part.replayToken()).isEqualTo(whole.replayToken());
        assertThat(part.trace()).isEqualTo(whole.trace());
      } else if (part != null) {
        // Another shard stops at its own first failure: one the whole run never reached.
        assertThat(part.schedule()).isNotEqualTo(whole.schedule());
        assertThat((part.schedule() - 1) % SHARDS + 1).isEqualTo(shard);
        if (part.schedule() < whole.schedule()) {
          throw new AssertionError("shard " + shard + " failed at schedule " + part.schedule()
              + ", before the whole run's first failure " + whole.schedule());
        }
      }
    }
  }

  @Test
  void aShardTokenReplaysInAnUnshardedRun() {
    InterleavingFailure whole = catchThrowableOfType(InterleavingFailure.class,
        () -> explore(Scenarios::lostUpdate, Strategy.PCT, 500, 0, 0));
    int owner = (whole.schedule() - 1) % SHARDS + 1;
    InterleavingFailure inShard = catchThrowableOfType(InterleavingFailure.class,
        () -> explore(Scenarios::lostUpdate, Strategy.PCT, 500, owner, SHARDS));
    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(inShard.replayToken())
            .explore(Scenarios::lostUpdate));
    assertThat(replayed.trace()).isEqualTo(whole.trace());
    assertThat(replayed.schedule()).isEqualTo(whole.schedule());
  }

  @Test
  void exhaustiveAndReplaysRunWholeInTheFirstShardOnly() {
    ExplorationResult first = Interleavings.configure().strategy(Strategy.EXHAUSTIVE)
        .schedules(30).shard(1, 2).explore(Scenarios::synchronizedUpdate);
    ExplorationResult whole = Interleavings.configure().strategy(Strategy.EXHAUSTIVE)
        .schedules(30).explore(Scenarios::synchronizedUpdate);
    assertThat(first.schedules()).isEqualTo(whole.schedules()).isPositive();
    assertThat(first.coverage().fingerprint()).isEqualTo(whole.coverage().fingerprint());
    assertThat(first.note()).contains("Shard 1/2 ran this exploration whole");

    ExplorationResult second = Interleavings.configure().strategy(Strategy.EXHAUSTIVE)
        .schedules(30).shard(2, 2).explore(Scenarios::synchronizedUpdate);
    assertThat(second.schedules()).isZero();
    assertThat(second.note()).isEqualTo("Shard 2/2 ran no schedule: EXHAUSTIVE enumerates"
        + " schedules that each depend on all earlier ones, so shard 1/2 runs it whole.");
  }

  @Test
  void aShardThatDoesNotExistIsRefusedWithTheFix() {
    assertThatThrownBy(() -> Interleavings.configure().shard(4, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shard 4/3 does not exist: use i/n with 1 <= i <= n");
  }

  /**
   * Compare-and-set loops: how often a thread retries, so how long a schedule is, depends on the
   * interleaving. PCT's change points depend on schedule lengths; this catches a PCT that learns
   * them from whichever schedules ran before.
   */
  static void casRetries() throws InterruptedException {
    java.util.concurrent.atomic.AtomicInteger counter = new java.util.concurrent.atomic.AtomicInteger();
    Runnable add = () -> {
      for (int i = 0; i < 4; i++) {
        int seen;
        do {
          seen = counter.get();
        } while (!counter.compareAndSet(seen, seen + 1));
      }
    };
    Scenarios.runAll(add, add, add);
    Scenarios.check(counter.get() == 12, "lost increment: " + counter.get());
  }

  /** Explores with seed 42, or runs shard {@code shard} of {@code of} when {@code of > 0}. */
  private static ExplorationResult explore(
      Scenario scenario, Strategy strategy, int budget, int shard, int of) {
    Interleavings.Options options =
        Interleavings.configure().strategy(strategy).schedules(budget).seed(42);
    if (of > 0) options.shard(shard, of);
    return options.explore(scenario);
  }
}
