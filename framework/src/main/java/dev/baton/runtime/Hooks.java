package dev.baton.runtime;

/**
 * The static entry points that instrumented bytecode calls. Tiny on purpose: this class is loaded by
 * the bootstrap class loader so that retransformed JDK classes ({@code LockSupport}, {@code
 * Thread}) can call it, and it does nothing but forward to the active {@link HookDelegate}, or run
 * the real operation when there is none or the caller is not a managed thread.
 *
 * <p>{@code site} arguments identify the instrumented instruction (class, method, line); Baton's
 * instrumenter registers them. Do not call these methods from hand-written code.
 */
public final class Hooks {
  /** The active scheduler, or {@code null} outside an exploration. */
  private static volatile HookDelegate delegate;

  private Hooks() {}

  /** Installs {@code d} (or removes the delegate with {@code null}); used by the scheduler only. */
  public static void install(HookDelegate d) {
    delegate = d;
  }

  public static HookDelegate installed() {
    return delegate;
  }

  // ---- memory ---------------------------------------------------------------------------------

  public static void beforeRead(Object owner, int site) {
    HookDelegate d = delegate;
    if (d != null) d.beforeFieldAccess(owner, false, site);
  }

  public static void beforeWrite(Object owner, int site) {
    HookDelegate d = delegate;
    if (d != null) d.beforeFieldAccess(owner, true, site);
  }

  public static void beforeArrayRead(Object array, int index, int site) {
    HookDelegate d = delegate;
    if (d != null) d.beforeArrayAccess(array, index, false, site);
  }

  public static void beforeArrayWrite(Object array, int index, int site) {
    HookDelegate d = delegate;
    if (d != null) d.beforeArrayAccess(array, index, true, site);
  }

  public static void beforeCall(Object receiver, int site) {
    HookDelegate d = delegate;
    if (d != null) d.beforeCall(receiver, site);
  }

  public static void yieldPoint(int site) {
    HookDelegate d = delegate;
    if (d != null) d.yieldPoint(site);
  }

  // ---- monitors -------------------------------------------------------------------------------

  /**
   * {@code monitorenter} of a method whose locking is structured: the object to take the real
   * monitor of, {@code monitor} itself when the calling thread is not managed, else a token of its
   * own that no other thread locks, once the model took {@code monitor}.
   */
  public static Object monitorToken(Object monitor, int site) {
    HookDelegate d = delegate;
    return d == null || monitor == null ? monitor : d.monitorToken(monitor, site);
  }

  /**
   * {@code monitorexit} of a monitor entered through {@link #monitorToken} as {@code token}: the
   * model releases it if it took it. Never throws (see {@code MonitorAdapter}).
   */
  public static void monitorRelease(Object monitor, Object token, int site) {
    HookDelegate d = delegate;
    if (d != null) d.monitorRelease(monitor, token != monitor, site);
  }

  /** Returns true when the model took the monitor and the real {@code monitorenter} must be skipped. */
  public static boolean monitorEnter(Object monitor, int site) {
    HookDelegate d = delegate;
    return d != null && d.monitorEnter(monitor, site);
  }

  /** Returns true when the model released the monitor and the real {@code monitorexit} must be skipped. */
  public static boolean monitorExit(Object monitor, int site) {
    HookDelegate d = delegate;
    if (d != null && d.monitorExit(monitor, site)) return true;
    // Not modelled. A thread that entered under a schedule that has ended (a straggler after a
    // timeout) never took the real monitor: the real monitorexit would throw, and javac's handler,
    // which covers itself, would retry it forever. Skip it then.
    return monitor != null && !Thread.holdsLock(monitor);
  }

  public static void objectWait(Object monitor, int site) throws InterruptedException {
    HookDelegate d = delegate;
    if (d == null || !d.monitorWait(monitor, 0L, 0, site)) monitor.wait();
  }

  public static void objectWait(Object monitor, long millis, int site) throws InterruptedException {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    HookDelegate d = delegate;
    if (d == null || !d.monitorWait(monitor, millis, 0, site)) monitor.wait(millis);
  }

  public static void objectWait(Object monitor, long millis, int nanos, int site)
      throws InterruptedException {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    if (nanos < 0 || nanos > 999_999) {
      throw new IllegalArgumentException("nanosecond timeout value out of range");
    }
    HookDelegate d = delegate;
    if (d == null || !d.monitorWait(monitor, millis, nanos, site)) monitor.wait(millis, nanos);
  }

  public static void objectNotify(Object monitor, int site) {
    HookDelegate d = delegate;
    if (d == null || !d.monitorNotify(monitor, false, site)) monitor.notify();
  }

  public static void objectNotifyAll(Object monitor, int site) {
    HookDelegate d = delegate;
    if (d == null || !d.monitorNotify(monitor, true, site)) monitor.notifyAll();
  }

  public static boolean holdsLock(Object monitor) {
    HookDelegate d = delegate;
    int held = d == null ? -1 : d.holdsLock(monitor);
    return held < 0 ? Thread.holdsLock(monitor) : held == 1;
  }

  // ---- threads --------------------------------------------------------------------------------

  public static void join(Thread thread, int site) throws InterruptedException {
    HookDelegate d = delegate;
    if (d == null || !d.join(thread, 0L, 0, site)) thread.join();
  }

  public static void join(Thread thread, long millis, int site) throws InterruptedException {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    HookDelegate d = delegate;
    if (d == null || !d.join(thread, millis, 0, site)) thread.join(millis);
  }

  public static void join(Thread thread, long millis, int nanos, int site)
      throws InterruptedException {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    if (nanos < 0 || nanos > 999_999) {
      throw new IllegalArgumentException("nanosecond timeout value out of range");
    }
    HookDelegate d = delegate;
    if (d == null || !d.join(thread, millis, nanos, site)) thread.join(millis, nanos);
  }

  /** {@code Thread.join(Duration)} (JDK 19+): true when the thread has terminated. */
  public static boolean join(Thread thread, java.time.Duration duration, int site)
      throws InterruptedException {
    long nanos = nanos(duration);
    if (nanos > 0) join(thread, nanos / 1_000_000, (int) (nanos % 1_000_000), site);
    return !thread.isAlive();
  }

  /** {@code Thread.sleep(Duration)} (JDK 19+). */
  public static void sleep(java.time.Duration duration, int site) throws InterruptedException {
    long nanos = nanos(duration);
    if (nanos > 0) {
      sleep(nanos / 1_000_000, (int) (nanos % 1_000_000), site);
    } else if (Thread.interrupted()) {
      throw new InterruptedException("sleep interrupted");
    }
  }

  private static long nanos(java.time.Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return duration.isNegative() ? 0 : Long.MAX_VALUE;
    }
  }

  public static void sleep(long millis, int site) throws InterruptedException {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    HookDelegate d = delegate;
    if (d == null || !d.sleep(millis, 0, site)) Thread.sleep(millis);
  }

  public static void sleep(long millis, int nanos, int site) throws InterruptedException {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    if (nanos < 0 || nanos > 999_999) {
      throw new IllegalArgumentException("nanosecond timeout value out of range");
    }
    HookDelegate d = delegate;
    if (d == null || !d.sleep(millis, nanos, site)) Thread.sleep(millis, nanos);
  }

  public static void yield(int site) {
    HookDelegate d = delegate;
    if (d == null) {
      Thread.yield();
    } else {
      d.yieldPoint(site);
    }
  }

  public static void onSpinWait(int site) {
    HookDelegate d = delegate;
    if (d == null) {
      Thread.onSpinWait();
    } else {
      d.yieldPoint(site);
    }
  }

  public static boolean isInterrupted(Thread thread) {
    HookDelegate d = delegate;
    int interrupted = d == null ? -1 : d.isInterrupted(thread);
    return interrupted < 0 ? thread.isInterrupted() : interrupted == 1;
  }

  public static Thread.State threadState(Thread thread) {
    HookDelegate d = delegate;
    Thread.State state = d == null ? null : d.threadState(thread);
    return state != null ? state : thread.getState();
  }

  public static void interrupt(Thread thread, int site) {
    HookDelegate d = delegate;
    if (d == null || !d.interrupt(thread, site)) thread.interrupt();
  }

  // ---- time ---------------------------------------------------------------------------------

  /** {@code System.nanoTime()} in user code: the virtual clock for managed threads. */
  public static long nanoTime(int site) {
    long real = System.nanoTime();
    HookDelegate d = delegate;
    return d == null ? real : d.nanoTime(real, site);
  }

  /** {@code System.currentTimeMillis()} in user code: the virtual clock for managed threads. */
  public static long currentTimeMillis(int site) {
    long real = System.currentTimeMillis();
    HookDelegate d = delegate;
    return d == null ? real : d.currentTimeMillis(real, site);
  }

  // ---- values that differ from run to run ----------------------------------------------------

  /** {@code Math.random()} in user code: from the schedule's seed in managed threads. */
  public static double random() {
    HookDelegate d = delegate;
    if (d != null) {
      double r = d.random();
      if (r >= 0) return r;
    }
    return Math.random();
  }

  /** The seed that replaces {@code new Random()}'s: from the schedule's seed in managed threads. */
  public static long randomSeed() {
    HookDelegate d = delegate;
    if (d != null) {
      long[] seed = new long[1];
      if (d.randomSeed(seed)) return seed[0];
    }
    return java.util.concurrent.ThreadLocalRandom.current().nextLong() ^ System.nanoTime();
  }

  // ThreadLocalRandom.current().nextXxx(...) in user code: drawn from the schedule in managed threads.

  private static java.util.random.RandomGenerator threadRandom() {
    HookDelegate d = delegate;
    return d == null ? null : d.threadRandom();
  }

  public static int threadLocalNextInt(java.util.concurrent.ThreadLocalRandom r) {
    java.util.random.RandomGenerator g = threadRandom();
    return g == null ? r.nextInt() : g.nextInt();
  }

  public static int threadLocalNextInt(java.util.concurrent.ThreadLocalRandom r, int bound) {
    java.util.random.RandomGenerator g = threadRandom();
    return g == null ? r.nextInt(bound) : g.nextInt(bound);
  }

  public static int threadLocalNextInt(
      java.util.concurrent.ThreadLocalRandom r, int origin, int bound) {
    java.util.random.RandomGenerator g = threadRandom();
    return g == null ? r.nextInt(origin, bound) : g.nextInt(origin, bound);
  }

  public static long threadLocalNextLong(java.util.concurrent.ThreadLocalRandom r) {
    java.util.random.RandomGenerator g = threadRandom();
    return g == null ? r.nextLong() : g.nextLong();
  }

  public static long threadLocalNextLong(java.util.concurrent.ThreadLocalRandom r, long bound) {
    java.util.random.RandomGenerator g = threadRandom();
    return g == null ? r.nextLong(bound) : g.nextLong(bound);
  }

  public static long threadLocalNextLong(
      java.util.concurrent.ThreadLocalRandom r, long origin, long bound) {
    java.util.random.RandomGenerator g = threadRandom();
    return g == null ? r.nextLong(origin, bound) : g.nextLong(origin, bound);
  }

  public static double threadLocalNextDouble(java.util.concurrent.ThreadLocalRandom r) {
    java.util.random.RandomGenerator g = threadRandom();
    return g == null ? r.nextDouble() : g.nextDouble();
  }

  public static double threadLocalNextDouble(
      java.util.concurrent.ThreadLocalRandom r, double bound) {
    java.util.random.RandomGenerator g = threadRandom();
    return g == null ? r.nextDouble(bound) : g.nextDouble(bound);
  }

  public static double threadLocalNextDouble(
      java.util.concurrent.ThreadLocalRandom r, double origin, double bound) {
    java.util.random.RandomGenerator g = threadRandom();
    return g == null ? r.nextDouble(origin, bound) : g.nextDouble(origin, bound);
  }

  public static boolean threadLocalNextBoolean(java.util.concurrent.ThreadLocalRandom r) {
    java.util.random.RandomGenerator g = threadRandom();
    return g == null ? r.nextBoolean() : g.nextBoolean();
  }

  public static float threadLocalNextFloat(java.util.concurrent.ThreadLocalRandom r) {
    java.util.random.RandomGenerator g = threadRandom();
    return g == null ? r.nextFloat() : g.nextFloat();
  }

  public static double threadLocalNextGaussian(java.util.concurrent.ThreadLocalRandom r) {
    java.util.random.RandomGenerator g = threadRandom();
    return g == null ? r.nextGaussian() : g.nextGaussian();
  }

  /** Before a call whose result Baton cannot make repeatable: recorded to explain divergences. */
  public static void uncontrolled(int site) {
    HookDelegate d = delegate;
    if (d != null) d.uncontrolled(site);
  }

  /**
   * The identity hash code of an instance of a user class that does not define {@code hashCode}
   * (it replaces {@code Object.hashCode}): numbered in order of first use in a schedule, so that
   * hash-ordered collections iterate the same way in every run. Never 0.
   */
  public static int identityHash(Object o) {
    HookDelegate d = delegate;
    int h = d == null ? 0 : d.identityHash(o);
    if (h == 0) h = System.identityHashCode(o);
    return h == 0 ? 1 : h;
  }

  // ---- called from retransformed JDK classes ---------------------------------------------------

  /**
   * Every read of {@code ForkJoinPool.common} in {@code java.util.concurrent} (behind {@code
   * commonPool()}, parallel streams and {@code fork()}): a managed thread gets its schedule's own
   * pool, so that no worker outlives its schedule and every schedule starts from an empty pool.
   */
  public static java.util.concurrent.ForkJoinPool commonPool(
      java.util.concurrent.ForkJoinPool common) {
    HookDelegate d = delegate;
    return d == null ? common : d.commonPool(common);
  }

  /** Reads of {@code CompletableFuture}'s default executor: the common pool when it is one. */
  public static java.util.concurrent.Executor asyncPool(java.util.concurrent.Executor pool) {
    HookDelegate d = delegate;
    if (d == null || !(pool instanceof java.util.concurrent.ForkJoinPool common)) return pool;
    return d.commonPool(common);
  }


  /** {@code System.nanoTime()} in {@code java.util.concurrent}: no scheduling point. */
  public static long nanoTime() {
    return nanoTime(-1);
  }

  /** {@code System.currentTimeMillis()} in {@code java.util.concurrent}: no scheduling point. */
  public static long currentTimeMillis() {
    return currentTimeMillis(-1);
  }

  /**
   * The site of a clock read in JDK code called by the user ({@code Instant.now()}, {@code
   * Clock.millis()}, {@code new Date()}): time passes, but the thread keeps the baton.
   */
  public static final int CLOCK_IN_JDK = -2;

  /** {@code System.currentTimeMillis()} in {@code java.time} and {@code java.util.Date}. */
  public static long clockMillis() {
    return currentTimeMillis(CLOCK_IN_JDK);
  }

  /**
   * At the start of {@code java.time.Clock.currentInstant()} (behind {@code Instant.now()} and
   * every system clock): the virtual clock's instant for a managed thread, else null to read the
   * real clock.
   */
  public static java.time.Instant currentInstant() {
    HookDelegate d = delegate;
    if (d == null) return null;
    long nanos = d.epochNanos(CLOCK_IN_JDK);
    return nanos == Long.MIN_VALUE ? null : java.time.Instant.ofEpochSecond(0, nanos);
  }

  /**
   * Replaces {@code Unsafe.park(absolute, time)} in {@code java.util.concurrent} (outside {@code
   * LockSupport}) with the {@code LockSupport} call that does the same, so that it is hooked.
   */
  public static void unsafePark(Object unsafe, boolean absolute, long time) {
    if (absolute) {
      java.util.concurrent.locks.LockSupport.parkUntil(time);
    } else if (time == 0) {
      java.util.concurrent.locks.LockSupport.park();
    } else if (time > 0) {
      java.util.concurrent.locks.LockSupport.parkNanos(time);
    }
  }

  /** At the start of {@code Thread.run()} and of a pool worker's or virtual thread's body. */
  public static void threadRuns() {
    HookDelegate d = delegate;
    if (d != null) d.threadRuns();
  }

  /** Replaces {@code Unsafe.unpark(thread)} in {@code java.util.concurrent}, like {@link #unsafePark}. */
  public static void unsafeUnpark(Object unsafe, Object thread) {
    if (thread instanceof Thread t) java.util.concurrent.locks.LockSupport.unpark(t);
  }

  /** From {@code LockSupport.park()}/{@code park(Object)}: true means the model parked, skip the real park. */
  public static boolean park(Object blocker) {
    HookDelegate d = delegate;
    return d != null && d.park(blocker, false, 0L);
  }

  /** From {@code LockSupport.parkNanos}: true means the model parked, skip the real park. */
  public static boolean parkNanos(Object blocker, long nanos) {
    HookDelegate d = delegate;
    return d != null && nanos > 0 && d.park(blocker, true, nanos);
  }

  /** From {@code LockSupport.parkUntil} (epoch millis): true means the model parked, skip the real park. */
  public static boolean parkUntil(Object blocker, long deadlineMillis) {
    HookDelegate d = delegate;
    if (d == null) return false;
    long millis = deadlineMillis - currentTimeMillis(-1);
    return millis > 0 && d.park(blocker, true, millis * 1_000_000L);
  }

  /** From {@code LockSupport.unpark}: true means the model unparked and the real unpark is skipped. */
  public static boolean unpark(Thread thread) {
    HookDelegate d = delegate;
    return d != null && d.unpark(thread);
  }

  public static void threadStarting(Thread thread) {
    HookDelegate d = delegate;
    if (d != null) d.threadStarting(thread);
  }

  public static void threadStarted(Thread thread) {
    HookDelegate d = delegate;
    if (d != null) d.threadStarted(thread);
  }

  public static void threadExit() {
    HookDelegate d = delegate;
    if (d != null) d.threadExit();
  }

  // ---- regions never preempted ------------------------------------------------------------------

  /**
   * Before a call into a JDK collection, which may run user code under a lock of its own (see
   * {@link HookDelegate#atomicEnter}). {@code receiver} is the call's receiver, or null.
   */
  public static void atomicEnter(Object receiver) {
    HookDelegate d = delegate;
    if (d != null) d.atomicEnter(receiver);
  }

  /** After that call returns or throws. */
  public static void atomicExit() {
    HookDelegate d = delegate;
    if (d != null) d.atomicExit();
  }

  public static void classInitEnter() {
    HookDelegate d = delegate;
    if (d != null) d.classInitEnter();
  }

  public static void classInitExit() {
    HookDelegate d = delegate;
    if (d != null) d.classInitExit();
  }

  /**
   * {@code c}'s static initialiser starts: the rewritten initialiser of every class with static
   * state or an initialiser calls this first, so that Baton knows which classes a new loader
   * would initialise again (see {@link #wasInitialised}). Kept here, outside any delegate, as it
   * happens outside schedules too.
   */
  public static void classInitialised(Class<?> c) {
    INITIALISED.get(c).set(true);
  }

  /** Whether {@link #classInitialised} was called for {@code c}; never initialises it. */
  public static boolean wasInitialised(Class<?> c) {
    return INITIALISED.get(c).get();
  }

  private static final InitialisedClasses INITIALISED = new InitialisedClasses();
}
