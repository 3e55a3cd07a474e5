package dev.baton.runtime;

/**
 * What {@link Hooks} forwards to while an exploration is active: Baton's scheduler.
 *
 * <p>This type is loaded by the bootstrap class loader (JDK classes call it), so it may depend on
 * {@code java.base} only. Every method that returns {@code boolean} answers "handled": {@code true}
 * means the calling thread is managed and the model did the operation, so the real one must be
 * skipped; {@code false} means the caller is not managed (or is inside the framework) and the real
 * operation must run as usual.
 */
public interface HookDelegate {

  /** Before a read or write of a non-final field ({@code owner} is null for a static field). */
  void beforeFieldAccess(Object owner, boolean write, int site);

  /** Before an array element load or store. */
  void beforeArrayAccess(Object array, int index, boolean write, int site);

  /** Before a call into {@code java.util.concurrent}, atomics, VarHandles or collections. */
  void beforeCall(Object receiver, int site);

  /** A plain scheduling point (after {@code Thread.start()}, {@code Thread.yield()}, spin waits). */
  void yieldPoint(int site);

  boolean monitorEnter(Object monitor, int site);

  /**
   * {@code monitorenter} that takes a real monitor in any case: the object to lock, {@code monitor}
   * when the caller is not managed, else a token private to the calling thread, once the model took
   * {@code monitor}.
   */
  Object monitorToken(Object monitor, int site);

  /**
   * {@code monitorexit} of a monitor entered through {@link #monitorToken}; {@code modelled} says
   * whether the model took it then. Must not throw.
   */
  void monitorRelease(Object monitor, boolean modelled, int site);

  boolean monitorExit(Object monitor, int site);

  /** {@code Object.wait}; {@code millis == 0 && nanos == 0} waits without a deadline. */
  boolean monitorWait(Object monitor, long millis, int nanos, int site) throws InterruptedException;

  boolean monitorNotify(Object monitor, boolean all, int site);

  /** {@code Thread.holdsLock}: {@code 1} held, {@code 0} not held, {@code -1} not managed. */
  int holdsLock(Object monitor);

  /** {@code Thread.join}; {@code millis == 0 && nanos == 0} joins without a deadline. */
  boolean join(Thread thread, long millis, int nanos, int site) throws InterruptedException;

  boolean sleep(long millis, int nanos, int site) throws InterruptedException;

  boolean interrupt(Thread thread, int site);

  /** {@code Thread.isInterrupted}: {@code 1} yes, {@code 0} no, {@code -1} not managed. */
  int isInterrupted(Thread thread);

  /** {@code Thread.getState} as the model sees it, or null to ask the JVM (not managed). */
  Thread.State threadState(Thread thread);

  /**
   * The clock a thread sees: virtual time for a managed thread, {@code real} otherwise. A {@code
   * site} of 0 or more (a read in user code) is also a scheduling point.
   */
  long nanoTime(long real, int site);

  /** Like {@link #nanoTime}, in epoch milliseconds. */
  long currentTimeMillis(long real, int site);

  /** The virtual time in epoch nanoseconds, or {@code Long.MIN_VALUE} for an unmanaged caller. */
  long epochNanos(int site);

  /** A random number in [0, 1) from the schedule's seed, or -1 for an unmanaged caller. */
  double random();

  /** Sets {@code seed[0]} to a seed from the schedule's; false for an unmanaged caller. */
  boolean randomSeed(long[] seed);

  /**
   * What the calling managed thread's {@code ThreadLocalRandom} calls draw from, seeded from the
   * schedule; null for an unmanaged caller. (The JDK mixes the thread's id into every number it
   * draws, so its own generator cannot be made repeatable by seeding it.)
   */
  java.util.random.RandomGenerator threadRandom();

  /** A managed thread is about to call a source of values Baton does not control. */
  void uncontrolled(int site);

  /** A repeatable identity hash for {@code o}, or 0 to use the real one (unmanaged caller). */
  int identityHash(Object o);

  /** A started thread begins its body: it arrives, and waits for the baton, if it had not yet. */
  void threadRuns();

  /** The schedule's own pool for a managed caller, else {@code common} itself. */
  java.util.concurrent.ForkJoinPool commonPool(java.util.concurrent.ForkJoinPool common);

  /** {@code LockSupport.park*}; {@code nanos} (positive) is the timeout when {@code timed}. */
  boolean park(Object blocker, boolean timed, long nanos);

  boolean unpark(Thread thread);

  /** Entry of {@code Thread.start}: the caller is about to start {@code thread}. */
  void threadStarting(Thread thread);

  /** Normal exit of {@code Thread.start}: {@code thread} has been launched by the JVM. */
  void threadStarted(Thread thread);

  /** Entry of {@code Thread.exit}: the current thread has finished running. */
  void threadExit();

  /**
   * Entry and exit of a call into a JDK collection. A receiver that runs user code under a lock of
   * its own ({@code ConcurrentHashMap}, {@code CopyOnWriteArrayList}) is not preempted inside; one
   * that synchronizes on a monitor (a synchronized collection, {@code Hashtable}, {@code Vector})
   * takes that monitor in the model for the call.
   */
  void atomicEnter(Object receiver);

  void atomicExit();

  /** Entry and exit of a user class's static initialiser: never preempt inside it. */
  void classInitEnter();

  void classInitExit();
}
