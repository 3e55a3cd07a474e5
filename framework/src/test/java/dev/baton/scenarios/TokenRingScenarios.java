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
    runRing(false, THREADS, ROUNDS);
  }

  /**
   * The same ring with ten threads and three rounds: nine spin while one holds the turn, so a
   * strategy that lets spinners hand over mostly to each other starves the holder.
   */
  public static void correctRingOfTen() throws InterruptedException {
    runRing(false, 10, 3);
  }

  /**
   * The buggy twin: each thread passes the turn on before it counts, so its increment races with
   * the next holder's and a count can be lost.
   */
  public static void ringThatCountsAfterPassingTheTurn() throws InterruptedException {
    runRing(true, THREADS, ROUNDS);
  }

  private static void runRing(boolean countAfterPassing, int size, int rounds)
      throws InterruptedException {
    Ring ring = new Ring();
    Thread[] threads = new Thread[size];
    for (int i = 0; i < size; i++) {
      int me = i;
      threads[i] = new Thread(() -> {
        for (int round = 0; round < rounds; round++) {
          while (ring.turn != me) Thread.yield();
          if (countAfterPassing) {
            ring.turn = (me + 1) % size;
            ring.count++;
          } else {
            ring.count++;
            ring.turn = (me + 1) % size;
          }
        }
      }, "ring-" + i);
      threads[i].start();
    }
    for (Thread t : threads) t.join();
    if (ring.count != size * rounds) {
      throw new AssertionError("counted " + ring.count + " of " + size * rounds + " turns");
    }
  }
}
