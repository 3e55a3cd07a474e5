package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Strategy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Strategy#PORTFOLIO}: its schedules replay exactly from their tokens whichever member
 * strategy made them, its shards run the schedules of the whole run, and it lets a thread reach a
 * wait before a short deadline fires (where a uniform choice fires the deadline almost at once).
 */
class PortfolioStrategyTest {
  private static final int SLOTS = 6; // PortfolioPolicy's turns

  @Test
  void failuresFoundInDifferentSlotsReplayExactlyFromTheirTokens() {
    Map<Integer, InterleavingFailure> bySlot = new HashMap<>();
    for (long seed = 1; seed <= 60 && bySlot.size() < 3; seed++) {
      long s = seed;
      InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
          () -> Interleavings.configure().strategy(Strategy.PORTFOLIO).seed(s).schedules(200)
              .explore(Scenarios::lostUpdate));
      assertThat(failure).as("the lost update with seed " + seed).isNotNull();
      bySlot.putIfAbsent((failure.schedule() - 1) % SLOTS, failure);
    }
    assertThat(bySlot).as("failing schedules made in different slots").hasSizeGreaterThan(2);
    for (InterleavingFailure original : bySlot.values()) {
      assertThat(original.strategy()).isEqualTo(Strategy.PORTFOLIO);
      InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
          () -> Interleavings.configure().replay(original.replayToken())
              .explore(Scenarios::lostUpdate));
      assertThat(replayed).as("the replay of " + original.replayToken()).isNotNull();
      assertThat(replayed.trace()).isEqualTo(original.trace());
      assertThat(replayed.schedule()).isEqualTo(original.schedule());
      assertThat(replayed.replayToken()).isEqualTo(original.replayToken());
    }
  }

  @Test
  void theShardsTogetherRunExactlyTheSchedulesOfTheWholeRun() {
    int budget = 30;
    ExplorationResult whole = explore(budget, 0, 0);
    assertThat(whole.schedules()).isEqualTo(budget);
    long fingerprints = 0;
    for (int shard = 1; shard <= 3; shard++) {
      fingerprints += explore(budget, shard, 3).coverage().fingerprint();
    }
    assertThat(fingerprints).isEqualTo(whole.coverage().fingerprint());
  }

  @Test
  void aWorkerReachesItsWaitBeforeAShortSleepEndsSoTheMissingNotifyIsFound() {
    InterleavingFailure hang = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(Strategy.PORTFOLIO).seed(1).schedules(100)
            .explore(PortfolioStrategyTest::setsTheFlagWithoutNotify));
    assertThat(hang).as("the worker waiting for a notify that never comes").isNotNull();
    assertThat(hang.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
  }

  @Test
  void theSameProgramWithTheNotifyPassesEverySchedule() {
    ExplorationResult result = Interleavings.configure().strategy(Strategy.PORTFOLIO).seed(1)
        .schedules(100).explore(PortfolioStrategyTest::setsTheFlagAndNotifies);
    assertThat(result.schedules()).isEqualTo(100);
  }

  private static ExplorationResult explore(int budget, int shard, int shards) {
    Interleavings.Options options = Interleavings.configure().strategy(Strategy.PORTFOLIO)
        .seed(7).schedules(budget);
    if (shards > 0) options.shard(shard, shards);
    return options.explore(Scenarios::synchronizedUpdate);
  }

  static final class Flag {
    boolean set;
  }

  public static void setsTheFlagWithoutNotify() throws InterruptedException {
    flagAfterSleep(false);
  }

  public static void setsTheFlagAndNotifies() throws InterruptedException {
    flagAfterSleep(true);
  }

  /** A worker prepares for a dozen steps, then waits for the flag that main sets after 200 ms. */
  private static void flagAfterSleep(boolean notify) throws InterruptedException {
    Flag flag = new Flag();
    AtomicInteger prepared = new AtomicInteger();
    Thread worker = new Thread(() -> {
      for (int i = 0; i < 12; i++) prepared.incrementAndGet();
      synchronized (flag) {
        while (!flag.set) {
          try {
            flag.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    });
    worker.start();
    Thread.sleep(200);
    synchronized (flag) {
      flag.set = true;
      if (notify) flag.notifyAll();
    }
    worker.join();
  }
}
