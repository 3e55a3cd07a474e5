package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * EXHAUSTIVE with reduction finds, within the same preemption bound, the bugs it finds without:
 * schedules equivalent up to independent steps can have different preemption counts, so the
 * reduction must schedule the member of a race's reversed class that fits the bound. (The reader
 * scenario's bug, t2 t3 t1 after main blocks at its join, needs no preemption; reduction at bound
 * 0 used to report "Explored all 3 schedules ... no failure".)
 */
class ReductionSoundnessTest {

  static final class Cell {
    int x;
    int y;
    int z;
  }

  @Test
  void aReaderBetweenTwoWritersOfDifferentFields() {
    assertSame(ReductionSoundnessTest::readerBetweenWriters);
  }

  @Test
  void aLockHandOverThatEnablesAWrite() {
    assertSame(ReductionSoundnessTest::lockHandOver);
  }

  @Test
  void aWaitNotifyChain() {
    assertSame(ReductionSoundnessTest::waitNotifyChain);
  }

  @Test
  void atomicsAndPlainFields() {
    assertSame(ReductionSoundnessTest::atomicsAndFields);
  }

  private static void assertSame(Scenario scenario) {
    for (int bound = 0; bound <= 3; bound++) {
      boolean without = fails(scenario, bound, false);
      boolean with = fails(scenario, bound, true);
      assertThat(with).as("bound %d: found with reduction (%s) as without (%s)", bound, with, without).isEqualTo(without);
    }
    assertThat(fails(scenario, 3, false)).as("the scenario has a bug").isTrue();
  }

  private static boolean fails(Scenario scenario, int bound, boolean reduction) {
    return catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(Strategy.EXHAUSTIVE).schedules(20_000)
            .maxPreemptions(bound).reduction(reduction).shrink(0, java.time.Duration.ofSeconds(1)).explore(scenario))
        != null;
  }

  static void readerBetweenWriters() throws InterruptedException {
    Cell c = new Cell();
    int[] seen = new int[2];
    Scenarios.runAll(() -> c.x = 1, () -> c.y = 1, () -> {
      seen[0] = c.y;
      seen[1] = c.x;
    });
    Scenarios.check(!(seen[0] == 1 && seen[1] == 0), "saw y before x");
  }

  static void lockHandOver() throws InterruptedException {
    Cell c = new Cell();
    Object lock = new Object();
    Scenarios.runAll(() -> {
      synchronized (lock) {
        c.x = 1;
      }
    }, () -> {
      synchronized (lock) {
        if (c.x == 0) c.y = 1;
      }
    }, () -> {
      if (c.y == 1) c.z = c.x + 1;
    });
    Scenarios.check(c.z != 1, "z = 1");
  }

  static void waitNotifyChain() throws InterruptedException {
    Cell c = new Cell();
    Object lock = new Object();
    Scenarios.runAll(() -> {
      synchronized (lock) {
        c.x = 1;
        lock.notifyAll();
      }
    }, () -> {
      synchronized (lock) {
        while (c.x == 0) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        c.y = c.z;
      }
    }, () -> c.z = 1);
    Scenarios.check(c.y == 1, "y = " + c.y);
  }

  static void atomicsAndFields() throws InterruptedException {
    AtomicInteger a = new AtomicInteger();
    Cell c = new Cell();
    Scenarios.runAll(() -> {
      c.x = 1;
      a.incrementAndGet();
    }, () -> {
      if (a.get() == 1) c.y = c.x;
    }, () -> a.incrementAndGet());
    Scenarios.check(c.y != 1 || a.get() != 2, "y = 1");
  }
}
