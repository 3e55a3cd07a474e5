package dev.baton.jdk;

import static dev.baton.jdk.Checks.check;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.Phaser;

/** Meeting points: CyclicBarrier, Phaser and Exchanger. */
final class SynchronizerScenarios {
  private SynchronizerScenarios() {}

  /** Two workers each fill their half of a table, meet, then read the other half. */
  private static Runnable halfAndHalf(int me, int[] table, ThrowingMeet meet, String[] problem) {
    return () -> {
      table[me] = me + 1;
      try {
        meet.run();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      int other = table[1 - me];
      if (other == 0) problem[0] = "worker " + me + " read the other half before it was filled";
    };
  }

  @FunctionalInterface
  interface ThrowingMeet {
    void run() throws Exception;
  }

  private static void runHalves(ThrowingMeet meet) throws InterruptedException {
    int[] table = new int[2];
    String[] problem = new String[1];
    Thread a = new Thread(halfAndHalf(0, table, meet, problem));
    Thread b = new Thread(halfAndHalf(1, table, meet, problem));
    a.start();
    b.start();
    a.join();
    b.join();
    check(problem[0] == null, String.valueOf(problem[0]));
  }

  // ---- correct ------------------------------------------------------------------------------

  static void cyclicBarrierSeparatesThePhases() throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(2);
    runHalves(() -> barrier.await());
  }

  /** The barrier is cyclic: the same one separates two rounds, and its action runs once a round. */
  static void cyclicBarrierIsReusedAcrossRounds() throws Exception {
    int[] rounds = new int[1];
    CyclicBarrier barrier = new CyclicBarrier(2, () -> rounds[0]++);
    Runnable twoRounds = () -> {
      try {
        barrier.await();
        barrier.await();
      } catch (InterruptedException | BrokenBarrierException e) {
        throw new AssertionError(e);
      }
    };
    Thread a = new Thread(twoRounds), b = new Thread(twoRounds);
    a.start();
    b.start();
    a.join();
    b.join();
    check(rounds[0] == 2, "the barrier action ran " + rounds[0] + " times in 2 rounds");
  }

  static void phaserSeparatesThePhases() throws Exception {
    Phaser phaser = new Phaser(2);
    runHalves(() -> phaser.arriveAndAwaitAdvance());
  }

  static void exchangerSwapsBuffers() throws Exception {
    Exchanger<String> exchanger = new Exchanger<>();
    String[] got = new String[2];
    Thread filler = new Thread(() -> {
      try {
        got[0] = exchanger.exchange("full");
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    });
    filler.start();
    got[1] = exchanger.exchange("empty");
    filler.join();
    check("empty".equals(got[0]) && "full".equals(got[1]), "filler got " + got[0] + ", main got " + got[1]);
  }

  // ---- buggy --------------------------------------------------------------------------------

  /**
   * An iterative computation with one barrier per round where it needs two: a fast worker writes
   * the next round's value before its partner has read this round's.
   */
  static void cyclicBarrierMissingTheSecondBarrierOfARound() throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(2);
    int[] table = new int[2];
    String[] problem = new String[1];
    Thread[] workers = new Thread[2];
    for (int w = 0; w < 2; w++) {
      int me = w;
      workers[w] = new Thread(() -> {
        try {
          for (int round = 1; round <= 2; round++) {
            table[me] = round;
            barrier.await();
            int other = table[1 - me];
            if (other != round) problem[0] = "worker " + me + " read round " + other + " in round " + round;
            // missing: barrier.await() before the next round's write
          }
        } catch (InterruptedException | BrokenBarrierException e) {
          throw new AssertionError(e);
        }
      });
      workers[w].start();
    }
    for (Thread t : workers) t.join();
    check(problem[0] == null, String.valueOf(problem[0]));
  }

  /** A barrier built for three parties, used by two: nobody ever trips it. */
  static void cyclicBarrierWithTooManyParties() throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(3);
    runHalves(() -> barrier.await());
  }

  /** arrive() does not wait for the others: the worker reads the other half too early. */
  static void phaserArriveWithoutAwaiting() throws Exception {
    Phaser phaser = new Phaser(2);
    runHalves(() -> phaser.arrive());
  }

  /** Three threads share an exchanger made for pairs: one is left waiting. */
  static void exchangerWithThreeParties() throws Exception {
    Exchanger<String> exchanger = new Exchanger<>();
    Runnable swap = () -> {
      try {
        exchanger.exchange(Thread.currentThread().getName());
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    };
    Thread a = new Thread(swap, "left"), b = new Thread(swap, "right");
    a.start();
    b.start();
    exchanger.exchange("main");
    a.join();
    b.join();
  }
}
