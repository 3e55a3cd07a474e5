package dev.baton.scheduler;

import dev.baton.strategy.ThreadView;
import java.util.regex.Pattern;

/**
 * The scheduler's model of one thread of a schedule: whether it may run, and what it waits for;
 * what the policies read of it is in its {@link ThreadView}. Mutated only by the thread holding the
 * baton (or, during an abort, under the scheduler's lock).
 */
final class ManagedThread extends ThreadView {
  /** Names the JDK numbers from JVM-wide counters, which differ from run to run. */
  private static final Pattern DEFAULT_NAME = Pattern.compile("Thread-\\d+");
  private static final Pattern POOL_NAME = Pattern.compile("pool-\\d+-thread-\\d+");
  /** JDK 25's timer thread of a ForkJoinPool (delayed tasks, CompletableFuture's timeouts). */
  private static final Pattern DELAY_SCHEDULER_NAME =
      Pattern.compile("ForkJoinPool-\\d+-delayScheduler");
  private static final Pattern FORK_JOIN_NAME =
      Pattern.compile("ForkJoinPool(-\\d+|\\.commonPool)-worker-\\d+");

  /** What a thread that cannot run is waiting for. */
  enum Wait {
    NONE,
    MONITOR,
    WAIT,
    JOIN,
    PARK,
    SLEEP
  }

  /**
   * In the model: it reached its first hook, or it was started with nothing to run before one
   * (see {@link #onItsWay}). Children start outside the model until then.
   */
  volatile boolean arrived;

  /**
   * Started, counted as {@link #arrived} at its start, but not at its first hook yet: its body's
   * first instruction is a hook ({@code Thread.run}'s), so nothing it does before that hook can
   * change the schedule, and its starter need not wait for it to get there. Plain, not volatile:
   * set before {@code Thread.start()}, then read and cleared by the thread itself only (its hooks
   * read it at every call).
   */
  boolean onItsWay;

  volatile boolean terminated;

  /**
   * What this thread takes the real monitor of where its code enters a monitor the model took
   * (see {@code MonitorAdapter}): an object no other thread ever locks, so the real lock costs
   * nothing and blocks nobody, and the method keeps the balanced locking the JIT compiles.
   */
  final Object monitorToken = new Object();

  /** Inside the scheduler itself: hooks are inert so its own parking is real. */
  int inRuntime;

  /** Inside class initialisers and atomic JDK calls: never preempted there. */
  int noPreempt;

  /** The JDK calls in progress, innermost last: the monitor each holds in the model, if atomic. */
  private Object[] callMonitors = new Object[4];
  private boolean[] callAtomic = new boolean[4];
  int callDepth;

  /** Inside class initialisers: an aborted schedule lets them finish instead of unwinding them. */
  int inClassInit;

  Wait wait = Wait.NONE;
  Object waitTarget;
  boolean timed;

  /** When {@link #timed}: the virtual time at which the wait times out. */
  long deadline;
  /** When {@link #timed}: how long the wait was for, in nanoseconds. */
  long timeout;
  /** Woken without a notification (a spurious wakeup the policy chose). */
  boolean woken;
  /** Released at the end of the schedule to live on outside it (an idle common-pool worker). */
  volatile boolean released;
  /**
   * Not started by its schedule: a thread parked by {@code java.util.concurrent} that a managed
   * thread woke ({@link PoolWorkers#adopt}); let go, not unwound, if it is parked or running at
   * the end. Not set for an adopted {@code ForkJoinPool} worker, which its pool ends or reuses
   * (see {@link PoolWorkers#releasable}).
   */
  boolean adopted;
  /**
   * For a thread adopted from outside the schedule: its uncaught-exception handler before, put
   * back when it is let go (else the next schedule would take this one's for the user's own).
   */
  Thread.UncaughtExceptionHandler handlerBeforeAdoption;
  /** What its {@code ThreadLocalRandom} calls draw from, seeded from the schedule; lazily made. */
  java.util.random.RandomGenerator random;

  /** Object.wait: set by notify, interrupt or timeout. */
  boolean notified;

  volatile boolean parkPermit;
  /**
   * What it parked for, as the JDK recorded it (a Condition sets the thread's blocker before a
   * plain park): read when it parks, because waiting for the baton replaces the blocker. For
   * reports only.
   */
  Object parkBlocker;

  /** The interrupt status, set aside while the thread waits for the baton (parking needs it clear). */
  volatile boolean interruptStash;

  /** Interrupted by a managed thread since it last ran: the model's view, free of JVM timing. */
  volatile boolean interruptPending;

  /** Its end is in the trace (a thread that ends before any hook has it recorded for it). */
  boolean endRecorded;

  /** Scheduling points passed in a row without giving the baton away. */
  int runLength;

  /** The virtual time when it passed {@link #lastSite}: when the program's own call began. */
  long lastSiteClock;

  /** @param id its number in the schedule; its {@link #kind} is set by {@link ThreadKinds} */
  ManagedThread(int id, Thread thread) {
    super(id, thread);
  }

  @Override
  public boolean runnable() {
    return !terminated && wait == Wait.NONE;
  }

  /**
   * A name that is the same in every run: the user's name, else {@code thread-N}, {@code
   * pool-thread-N}, {@code fork-join-worker-N} or {@code delay-scheduler-N} with N the thread's
   * number in the schedule.
   */
  @Override
  public String displayName() {
    if (id == 0) return "main";
    String name = thread.getName();
    if (name.isEmpty()) return (isVirtual() ? "virtual-thread-" : "thread-") + id;
    if (DEFAULT_NAME.matcher(name).matches()) return "thread-" + id;
    if (POOL_NAME.matcher(name).matches()) return "pool-thread-" + id;
    if (FORK_JOIN_NAME.matcher(name).matches()) return "fork-join-worker-" + id;
    // Its pool's number counts every ForkJoinPool of the JVM so far: not the same in a replay.
    if (DELAY_SCHEDULER_NAME.matcher(name).matches()) return "delay-scheduler-" + id;
    return name;
  }

  /**
   * Enters a call into the JDK: {@code monitor} (or null) is held in the model for it, and an
   * {@code atomic} call is never preempted inside.
   */
  void pushCall(Object monitor, boolean atomic) {
    if (callDepth == callMonitors.length) {
      callMonitors = java.util.Arrays.copyOf(callMonitors, callDepth * 2);
      callAtomic = java.util.Arrays.copyOf(callAtomic, callDepth * 2);
    }
    if (atomic) noPreempt++;
    callAtomic[callDepth] = atomic;
    callMonitors[callDepth++] = monitor;
  }

  /** Leaves the innermost JDK call; returns the monitor it held in the model, or null. */
  Object popCall() {
    Object monitor = callMonitors[--callDepth];
    callMonitors[callDepth] = null;
    if (callAtomic[callDepth]) noPreempt--;
    return monitor;
  }

  void clearWait() {
    wait = Wait.NONE;
    waitTarget = null;
    timed = false;
    woken = false;
  }

  @Override
  public String toString() {
    return displayName();
  }

  /** A virtual thread (JDK 21 and later), told without the API Java 17 lacks. */
  boolean isVirtual() {
    return thread.getClass().getName().equals("java.lang.VirtualThread");
  }
}
