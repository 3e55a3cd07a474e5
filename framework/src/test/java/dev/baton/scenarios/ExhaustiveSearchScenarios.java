package dev.baton.scenarios;

/**
 * Small programs whose schedules {@code ExhaustiveSearchTest} counts by hand. Each thread's work
 * is one field write, so the steps are few and named in the test's comments:
 *
 * <pre>
 *   main: m1 = from the start of the worker to the write (touches nothing shared)
 *         m2 = the write, up to join      m3 = join returns, main ends
 *   t1:   t1 = from its start to its write (touches nothing shared)
 *         t2 = the write and t1's end
 * </pre>
 */
public final class ExhaustiveSearchScenarios {
  private ExhaustiveSearchScenarios() {}

  /** Two fields, so that the threads can write different ones. */
  public static final class Cell {
    int x;
    int y;
  }

  /** Main writes {@code y}, the worker {@code x}: every step is independent of the other thread's. */
  public static void differentFields() throws InterruptedException {
    Cell c = new Cell();
    Thread t = new Thread(() -> c.x = 1);
    t.start();
    c.y = 2;
    t.join();
  }

  /** Main and the worker write the same field: which write comes last matters. */
  public static void sameField() throws InterruptedException {
    Cell c = new Cell();
    Thread t = new Thread(() -> c.x = 1);
    t.start();
    c.x = 2;
    t.join();
  }

  /** Two workers write different fields; main starts and joins both. */
  public static void twoWorkersDifferentFields() throws InterruptedException {
    Cell c = new Cell();
    Thread a = new Thread(() -> c.x = 1);
    Thread b = new Thread(() -> c.y = 1);
    a.start();
    b.start();
    a.join();
    b.join();
  }

  /** Two workers increment under one lock: correct in every schedule. */
  public static void lockedIncrements() throws InterruptedException {
    Cell c = new Cell();
    Object lock = new Object();
    Runnable increment = () -> {
      synchronized (lock) {
        c.x++;
      }
    };
    Thread a = new Thread(increment);
    Thread b = new Thread(increment);
    a.start();
    b.start();
    a.join();
    b.join();
    if (c.x != 2) throw new AssertionError("lost update: x = " + c.x);
  }

  /** The same without the lock: a lost update, found with one preemption. */
  public static void unlockedIncrements() throws InterruptedException {
    Cell c = new Cell();
    Runnable increment = () -> c.x++;
    Thread a = new Thread(increment);
    Thread b = new Thread(increment);
    a.start();
    b.start();
    a.join();
    b.join();
    if (c.x != 2) throw new AssertionError("lost update: x = " + c.x);
  }

  /** The lost update of {@link #unlockedIncrements} with a third worker: a changed program. */
  public static void unlockedIncrementsByThree() throws InterruptedException {
    Cell c = new Cell();
    Runnable increment = () -> c.x++;
    Thread a = new Thread(increment);
    Thread b = new Thread(increment);
    Thread d = new Thread(increment);
    a.start();
    b.start();
    d.start();
    a.join();
    b.join();
    d.join();
    if (c.x != 3) throw new AssertionError("lost update: x = " + c.x);
  }
}
