package dev.baton.scenarios;

/**
 * A fixed token ring of three threads that wait for their turn by spinning on {@code
 * Thread.yield()}: two of them spin while the third holds the turn, so a strategy that lets the
 * spinners hand over only to each other never lets the ring end.
 */
public final class TokenRingScenarios {
  static final int THREADS = 3;
  static final int ROUNDS = 2;

  private TokenRingScenarios() {}

  /** The ring's state; the turn is volatile, the count only ever touched by the turn's holder. */
  static final class Ring {
    volatile int turn;
    int count;
  }

  /** Correct: each thread counts while it holds the turn, then passes the turn on. */
  public static void correctRing() throws InterruptedException {
    runRing(false);
  }

  /**
   * The buggy twin: each thread passes the turn on before it counts, so its increment races with
   * the next holder's and a count can be lost.
   */
  public static void ringThatCountsAfterPassingTheTurn() throws InterruptedException {
    runRing(true);
  }

  private static void runRing(boolean countAfterPassing) throws InterruptedException {
    Ring ring = new Ring();
    Thread[] threads = new Thread[THREADS];
    for (int i = 0; i < THREADS; i++) {
      int me = i;
      threads[i] = new Thread(() -> {
        for (int round = 0; round < ROUNDS; round++) {
          while (ring.turn != me) Thread.yield();
          if (countAfterPassing) {
            ring.turn = (me + 1) % THREADS;
            ring.count++;
          } else {
            ring.count++;
            ring.turn = (me + 1) % THREADS;
          }
        }
      }, "ring-" + i);
      threads[i].start();
    }
    for (Thread t : threads) t.join();
    if (ring.count != THREADS * ROUNDS) {
      throw new AssertionError("counted " + ring.count + " of " + THREADS * ROUNDS + " turns");
    }
  }
}
