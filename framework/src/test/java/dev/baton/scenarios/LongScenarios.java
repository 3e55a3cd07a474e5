package dev.baton.scenarios;

/**
 * Long schedules that end, and loops that do not: a long program must pass, a loop that sees
 * nothing new must be reported, and each verdict must say why.
 */
public final class LongScenarios {
  private LongScenarios() {}

  static final class Counter {
    long value;

    /**
     * A counter the caller did not allocate itself, so that its accesses are scheduling points (a
     * method's accesses to an object it allocated and kept to itself are none, and a loop over
     * such an object alone would meet no point at all).
     */
    static Counter fromElsewhere() {
      return new Counter();
    }

    synchronized void add() {
      value++;
    }
  }

  /** Two threads count to {@code perThread} each under a monitor: three steps per increment. */
  public static void countTogether(int perThread) throws InterruptedException {
    Counter counter = new Counter();
    Runnable count = () -> {
      for (int i = 0; i < perThread; i++) counter.add();
    };
    Thread a = new Thread(count, "counter-a");
    Thread b = new Thread(count, "counter-b");
    a.start();
    b.start();
    a.join();
    b.join();
    if (counter.value != 2L * perThread) throw new AssertionError("lost an update: " + counter.value);
  }

  static final class Handshake {
    volatile boolean ready;
    long work;
  }

  /**
   * A waiter spins on a flag (its reads see nothing new, a cycle) for as long as the worker's long
   * computation takes: the worker progresses, so this is not a livelock.
   */
  public static void spinWhileAnotherWorks(int workSteps) throws InterruptedException {
    Handshake h = new Handshake();
    Thread waiter = new Thread(() -> {
      while (!h.ready) {
        // spins
      }
    }, "waiter");
    waiter.start();
    for (int i = 0; i < workSteps; i++) h.work++;
    h.ready = true;
    waiter.join();
  }

  static final class Flags {
    volatile boolean aReady;
    volatile boolean bReady;
    volatile boolean aWaiting;
    volatile boolean bWaiting;
  }

  /** Two threads each wait, spinning, for the other to be ready first: a livelock. */
  public static void waitForEachOther() throws InterruptedException {
    Flags f = new Flags();
    Thread a = new Thread(() -> {
      while (!f.bReady) f.aWaiting = true;
      f.aReady = true;
    }, "polite-a");
    Thread b = new Thread(() -> {
      while (!f.aReady) f.bWaiting = true;
      f.bReady = true;
    }, "polite-b");
    a.start();
    b.start();
    a.join();
    b.join();
  }

  /** A worker busy-waits on a flag nobody will set; main joins it. */
  public static void busyWaitOnAFlagNobodySets() throws InterruptedException {
    Handshake h = new Handshake();
    Thread waiter = new Thread(() -> {
      while (!h.ready) {
        // spins forever
      }
    }, "waiter");
    waiter.start();
    waiter.join();
  }

  static volatile boolean started;

  /** Main busy-waits on a static flag nobody will set. */
  public static void busyWaitOnAStaticFlag() {
    while (!started) {
      // spins forever
    }
  }

  /** Main counts to {@code count} in a field (three steps each), then fails. */
  public static void failAfter(int count) {
    Counter c = Counter.fromElsewhere();
    while (c.value < count) c.value++;
    throw new IllegalStateException("counted to " + c.value);
  }

  static final class Aliases {
    int a;
    int b;

    /** Follows the aliases: while a is set and b is not yet, each alias names another. */
    int resolve(int depth) {
      if (a == 1 && b == 0) return resolve(depth + 1);
      return depth;
    }
  }

  /**
   * A writer sets two fields one after the other; a resolver started meanwhile recurses for as long
   * as it sees the first set and not the second. Preempted between its writes, the writer leaves
   * the resolver recursing until its stack overflows.
   */
  public static void recurseWhileTheWriterIsHalfWay() throws InterruptedException {
    Aliases aliases = new Aliases();
    Thread writer = new Thread(() -> {
      aliases.a = 1;
      aliases.b = 1;
    }, "writer");
    Thread resolver = new Thread(() -> aliases.resolve(0), "resolver");
    writer.start();
    resolver.start();
    writer.join();
    resolver.join();
  }

  /** A deep but bounded recursion that reads shared state on the way: it must pass. */
  public static void boundedDeepRecursion() throws InterruptedException {
    Counter counter = new Counter();
    Thread deep = new Thread(() -> descend(counter, 5_000), "descender");
    deep.start();
    for (int i = 0; i < 100; i++) counter.add();
    deep.join();
  }

  private static long descend(Counter counter, int depth) {
    return depth == 0 ? counter.value : descend(counter, depth - 1) + counter.value;
  }

  /** An endless loop that progresses all the time: its counter never repeats. */
  public static void countForever() {
    Counter c = Counter.fromElsewhere();
    while (c.value >= 0) c.value++;
  }

  static final class Config {
    int factor = 3;
  }

  static final class Job {
    volatile boolean stop;
    Config config = new Config();
    long sum;
  }

  /**
   * A healthy loop that counts in a local variable while it re-reads shared fields nobody changes
   * (the same states, step after step) while the main thread waits in {@code join}: it ends after
   * {@code iterations} rounds, three steps each.
   */
  public static void countLocallyOverUnchangedFields(int iterations) throws InterruptedException {
    Job job = new Job();
    Thread worker = new Thread(() -> {
      long sum = 0;
      for (int i = 0; i < iterations; i++) {
        if (job.stop) break;
        sum += job.config.factor;
      }
      job.sum = sum;
    }, "worker");
    worker.start();
    worker.join();
    if (job.sum != 3L * iterations) throw new AssertionError("summed " + job.sum);
  }
}
