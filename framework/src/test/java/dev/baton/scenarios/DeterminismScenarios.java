package dev.baton.scenarios;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Values that differ from run to run unless Baton makes them repeatable. */
public final class DeterminismScenarios {
  private DeterminismScenarios() {}

  /** A user class without hashCode: its identity hash orders hash-based collections. */
  static final class Listener {
    final int id;

    Listener(int id) {
      this.id = id;
    }
  }

  /** Records the order in which a HashSet of listeners iterates, and their toString. */
  public static void hashOrder(List<String> seen) throws InterruptedException {
    Set<Listener> listeners = new HashSet<>();
    Thread t = new Thread(() -> {
      synchronized (listeners) {
        for (int i = 0; i < 4; i++) listeners.add(new Listener(i));
      }
    });
    t.start();
    t.join();
    StringBuilder order = new StringBuilder();
    for (Listener l : listeners) order.append(l.id);
    seen.add(order + " " + new Listener(9).hashCode());
  }

  /** Records random numbers from every source a program typically uses. */
  public static void randomNumbers(List<String> seen) throws InterruptedException {
    long[] inThread = new long[1];
    Thread t = new Thread(() -> inThread[0] = ThreadLocalRandom.current().nextLong());
    t.start();
    t.join();
    seen.add(Math.random() + " " + new Random().nextInt() + " "
        + ThreadLocalRandom.current().nextInt() + " " + inThread[0]);
  }

  /** No static state, but an initialiser that does instrumented work. */
  static final class Tables {
    static final int SUM = sum();

    private static int sum() {
      int[] values = {1, 2, 3};
      int s = 0;
      for (int v : values) s += v;
      return s;
    }
  }

  /**
   * Initialises {@link Tables} (in the first schedule only, as its class is kept), runs a race,
   * and fails in about one schedule in four, decided by the schedule's own random numbers.
   */
  public static void initialiserThenUnluckySchedule() throws InterruptedException {
    int base = Tables.SUM;
    int[] counter = new int[1];
    Thread t = new Thread(() -> counter[0]++);
    t.start();
    counter[0]++;
    t.join();
    if (Math.random() < 0.25) throw new AssertionError("unlucky, " + base + " " + counter[0]);
  }

  /** Calls a source Baton cannot repeat, then starts {@code workers} threads. */
  public static void identityThenWorkers(int workers) throws InterruptedException {
    System.identityHashCode(new Object());
    Thread[] threads = new Thread[workers];
    int[] counter = new int[1];
    for (int i = 0; i < workers; i++) {
      threads[i] = new Thread(() -> counter[0]++);
      threads[i].start();
    }
    for (Thread t : threads) t.join();
  }

  /** Fails whenever the two workers' increments collide; used to record a token. */
  public static void identityThenLostUpdate() throws InterruptedException {
    System.identityHashCode(new Object());
    int[] counter = new int[1];
    Thread a = new Thread(() -> counter[0]++);
    Thread b = new Thread(() -> counter[0]++);
    a.start();
    b.start();
    a.join();
    b.join();
    if (counter[0] != 2) throw new AssertionError("lost update");
  }
}
