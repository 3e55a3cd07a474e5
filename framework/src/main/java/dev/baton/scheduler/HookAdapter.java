package dev.baton.scheduler;

import dev.baton.instrument.Site;
import dev.baton.instrument.SiteKind;
import dev.baton.instrument.Sites;
import dev.baton.runtime.HookDelegate;
import java.util.concurrent.ForkJoinPool;
import java.util.random.RandomGenerator;

/**
 * The scheduler as the hook delegate: each hook enters the runtime once, here (an unmanaged
 * caller, or a thread already inside the scheduler, gets the hook's "not managed" answer), runs
 * one model operation, and leaves again.
 *
 * <p>Every hook body is a {@link Body} constant without captured state, run by {@link #entered};
 * once that small method is inlined into a hook, the body is a constant and is inlined too, so the
 * hooks, the hottest code of an exploration, cost no allocation and no virtual call. Bodies answer
 * a {@code long}: the hook turns it back into its own type.
 */
final class HookAdapter implements HookDelegate {
  /** A hook's work, done by the entered managed thread {@code me}. */
  @FunctionalInterface
  interface Body<X extends Exception> {
    long run(Scheduler s, ManagedThread me, Object target, long a, long b, int site) throws X;
  }

  /** A hook's work that answers an object. */
  @FunctionalInterface
  interface ValueBody<R> {
    R run(Scheduler s, ManagedThread me, Object target, int site);
  }

  private static final long TRUE = 1;
  private static final long FALSE = 0;

  private static long of(boolean b) {
    return b ? TRUE : FALSE;
  }

  final Scheduler core;

  HookAdapter(Scheduler core) {
    this.core = core;
  }

  /** Runs {@code body} as the calling managed thread, or answers {@code outside} for any other. */
  private <X extends Exception> long entered(
      Body<X> body, long outside, Object target, long a, long b, int site) throws X {
    ManagedThread me = core.enter(site);
    if (me == null) return outside;
    try {
      return body.run(core, me, target, a, b, site);
    } finally {
      me.inRuntime--;
    }
  }

  private <R> R entered(ValueBody<R> body, R outside, Object target, int site) {
    ManagedThread me = core.enter(site);
    if (me == null) return outside;
    try {
      return body.run(core, me, target, site);
    } finally {
      me.inRuntime--;
    }
  }

  // ---- memory ---------------------------------------------------------------------------------

  private static final Body<RuntimeException> FIELD_ACCESS = (s, me, owner, write, unused, site) -> {
    Scheduler.pending(me, owner, Scheduler.FIELD_KEY, site, write != 0);
    s.point(me, site, Trace.SITE, null);
    return 0;
  };

  private static final Body<RuntimeException> ARRAY_ACCESS = (s, me, array, index, write, site) -> {
    Scheduler.pending(me, array, null, (int) index, write != 0);
    s.point(me, site, Trace.SITE, array);
    return 0;
  };

  private static final Body<RuntimeException> CALL = (s, me, receiver, a, b, site) -> {
    Scheduler.pending(me, receiver, null, 0, true);
    s.point(me, site, Trace.SITE, null);
    return 0;
  };

  private static final Body<RuntimeException> YIELD = (s, me, target, a, b, site) -> {
    Scheduler.pending(me, null, null, 0, false);
    Site at = Sites.get(site);
    if (at != null && at.kind() == SiteKind.THREAD_START) {
      s.trace.attachStartSite(me.id, site);
      s.turn(me, site, false);
    } else {
      boolean yielding =
          at != null && (at.kind() == SiteKind.YIELD || at.kind() == SiteKind.SPIN_WAIT);
      s.turn(me, site, yielding);
      s.record(me, site, Trace.SITE, null);
    }
    return 0;
  };

  @Override
  public void beforeFieldAccess(Object owner, boolean write, int site) {
    entered(FIELD_ACCESS, 0, owner, of(write), 0, site);
  }

  @Override
  public void beforeArrayAccess(Object array, int index, boolean write, int site) {
    entered(ARRAY_ACCESS, 0, array, index, of(write), site);
  }

  @Override
  public void beforeCall(Object receiver, int site) {
    entered(CALL, 0, receiver, 0, 0, site);
  }

  @Override
  public void yieldPoint(int site) {
    entered(YIELD, 0, null, 0, 0, site);
  }

  // ---- monitors -------------------------------------------------------------------------------

  private static final Body<RuntimeException> MONITOR_ENTER =
      (s, me, monitor, a, b, site) -> of(s.monitors.enter(me, monitor, site));
  private static final Body<RuntimeException> MONITOR_EXIT =
      (s, me, monitor, a, b, site) -> of(s.monitors.exit(me, monitor, site));
  private static final Body<InterruptedException> MONITOR_WAIT =
      (s, me, monitor, millis, nanos, site) -> of(s.monitors.await(me, monitor, millis, (int) nanos, site));
  private static final Body<RuntimeException> MONITOR_NOTIFY =
      (s, me, monitor, all, b, site) -> of(s.monitors.notify(me, monitor, all != 0, site));
  private static final Body<RuntimeException> HOLDS_LOCK =
      (s, me, monitor, a, b, site) -> s.monitors.holds(me, monitor);
  private static final Body<RuntimeException> ATOMIC_ENTER = (s, me, monitor, a, b, site) -> {
    s.monitors.atomicEnter(me, monitor);
    return TRUE;
  };

  @Override
  public boolean monitorEnter(Object monitor, int site) {
    if (monitor == null) return false; // the real monitorenter throws the NullPointerException
    return entered(MONITOR_ENTER, FALSE, monitor, 0, 0, site) != FALSE;
  }

  private static final ValueBody<Object> MONITOR_TOKEN = (s, me, monitor, site) -> {
    s.monitors.enter(me, monitor, site);
    return me.monitorToken;
  };

  @Override
  public Object monitorToken(Object monitor, int site) {
    return entered(MONITOR_TOKEN, monitor, monitor, site);
  }

  @Override
  public void monitorRelease(Object monitor, boolean modelled, int site) {
    if (modelled && monitor != null) entered(MONITOR_EXIT, FALSE, monitor, 0, 0, site);
  }

  @Override
  public boolean monitorExit(Object monitor, int site) {
    if (monitor == null) return false;
    return entered(MONITOR_EXIT, FALSE, monitor, 0, 0, site) != FALSE;
  }

  @Override
  public boolean monitorWait(Object monitor, long millis, int nanos, int site)
      throws InterruptedException {
    return entered(MONITOR_WAIT, FALSE, monitor, millis, nanos, site) != FALSE;
  }

  @Override
  public boolean monitorNotify(Object monitor, boolean all, int site) {
    return entered(MONITOR_NOTIFY, FALSE, monitor, of(all), 0, site) != FALSE;
  }

  @Override
  public int holdsLock(Object monitor) {
    return (int) entered(HOLDS_LOCK, -1, monitor, 0, 0, -1);
  }

  @Override
  public void atomicEnter(Object receiver) {
    ManagedThread caller = core.self();
    // beforeCall, just before, left the call's site in lastSite (class initialisers lock nothing).
    Object monitor = caller == null || caller.inClassInit > 0
        ? null : SynchronizedReceivers.monitorOf(receiver, caller.lastSite);
    if (monitor == null) {
      ManagedThread me = core.self();
      if (me != null) me.pushCall(null, SynchronizedReceivers.locksAroundCallbacks(receiver));
      return;
    }
    // The JDK will lock this monitor for real: take it in the model first, so that it excludes
    // the user's own synchronized blocks on it.
    if (entered(ATOMIC_ENTER, FALSE, monitor, 0, 0, -1) == FALSE) {
      ManagedThread me = core.self();
      if (me != null) me.pushCall(null, false);
    }
  }

  @Override
  public void atomicExit() {
    ManagedThread me = core.self();
    if (me == null || me.callDepth == 0) return;
    core.monitors.atomicExit(me, me.popCall());
  }

  // ---- threads --------------------------------------------------------------------------------

  private static final Body<InterruptedException> JOIN = (s, me, thread, millis, nanos, site) ->
      of(s.lifecycle.join(me, (Thread) thread, millis, (int) nanos, site));
  private static final Body<InterruptedException> SLEEP = (s, me, target, millis, nanos, site) ->
      of(s.lifecycle.sleep(me, millis, (int) nanos, site));
  private static final Body<RuntimeException> INTERRUPT =
      (s, me, thread, a, b, site) -> of(s.lifecycle.interrupt(me, (Thread) thread, site));
  private static final ValueBody<Thread.State> THREAD_STATE =
      (s, me, thread, site) -> s.lifecycle.threadState((Thread) thread);
  private static final Body<RuntimeException> IS_INTERRUPTED =
      (s, me, thread, a, b, site) -> s.lifecycle.isInterrupted((Thread) thread);
  private static final Body<RuntimeException> THREAD_STARTING = (s, me, thread, a, b, site) -> {
    s.lifecycle.threadStarting(me, (Thread) thread);
    return 0;
  };
  /** Nothing to do but enter: a thread that has not arrived arrives there. */
  private static final Body<RuntimeException> ARRIVE = (s, me, target, a, b, site) -> 0;

  @Override
  public boolean join(Thread thread, long millis, int nanos, int site) throws InterruptedException {
    return entered(JOIN, FALSE, thread, millis, nanos, site) != FALSE;
  }

  @Override
  public boolean sleep(long millis, int nanos, int site) throws InterruptedException {
    return entered(SLEEP, FALSE, null, millis, nanos, site) != FALSE;
  }

  @Override
  public boolean interrupt(Thread thread, int site) {
    return entered(INTERRUPT, FALSE, thread, 0, 0, site) != FALSE;
  }

  @Override
  public int isInterrupted(Thread thread) {
    return (int) entered(IS_INTERRUPTED, -1, thread, 0, 0, -1);
  }

  @Override
  public Thread.State threadState(Thread thread) {
    return entered(THREAD_STATE, null, thread, -1);
  }

  @Override
  public void threadStarting(Thread thread) {
    entered(THREAD_STARTING, 0, thread, 0, 0, -1);
  }

  @Override
  public void threadRuns() {
    entered(ARRIVE, 0, null, 0, 0, -1);
  }

  @Override
  public void threadStarted(Thread thread) {
    // Nothing to do here: a child whose body starts at a hook is in the model already, and the
    // next decision waits for any other child to arrive (see awaitArrivals). Waiting inside
    // Thread.start() would hold its monitor on JDK 17, where the child may need it.
  }

  @Override
  public void threadExit() {
    core.threadExit();
  }

  /** A class initialiser starts in the calling thread: it is never preempted inside. */
  @Override
  public void classInitEnter() {
    ManagedThread me = core.self();
    if (me != null) {
      me.noPreempt++;
      me.inClassInit++;
    }
  }

  @Override
  public void classInitExit() {
    ManagedThread me = core.self();
    if (me != null && me.inClassInit > 0) {
      me.inClassInit--;
      me.noPreempt--;
    }
  }

  // ---- park permits ---------------------------------------------------------------------------

  /** What {@link #unpark} answers for a caller outside the model: neither true nor false. */
  private static final long UNMANAGED = -1;

  private static final Body<RuntimeException> PARK = (s, me, blocker, timed, nanos, site) ->
      of(s.permits.park(me, blocker, timed != 0, nanos));
  private static final Body<RuntimeException> UNPARK =
      (s, me, thread, a, b, site) -> of(s.permits.unpark(me, (Thread) thread));

  @Override
  public boolean park(Object blocker, boolean timed, long nanos) {
    return entered(PARK, FALSE, blocker, of(timed), nanos, -1) != FALSE;
  }

  @Override
  public boolean unpark(Thread thread) {
    long done = entered(UNPARK, UNMANAGED, thread, 0, 0, -1);
    if (done == UNMANAGED) {
      core.permits.unparkFromOutside(thread);
      return false;
    }
    return done != FALSE;
  }

  // ---- the virtual clock ----------------------------------------------------------------------

  private static final Body<RuntimeException> NANO_TIME =
      (s, me, target, a, b, site) -> s.clock.nanoTime(me, site);
  private static final Body<RuntimeException> CURRENT_TIME_MILLIS =
      (s, me, target, a, b, site) -> s.clock.currentTimeMillis(me, site);
  private static final Body<RuntimeException> EPOCH_NANOS =
      (s, me, target, a, b, site) -> s.clock.epochNanos(me, site);

  @Override
  public long nanoTime(long real, int site) {
    return entered(NANO_TIME, real, null, 0, 0, site);
  }

  @Override
  public long currentTimeMillis(long real, int site) {
    return entered(CURRENT_TIME_MILLIS, real, null, 0, 0, site);
  }

  @Override
  public long epochNanos(int site) {
    return entered(EPOCH_NANOS, Long.MIN_VALUE, null, 0, 0, site);
  }

  // ---- values that differ from run to run -----------------------------------------------------

  private static final Body<RuntimeException> RANDOM =
      (s, me, target, a, b, site) -> Double.doubleToRawLongBits(s.values.random());
  private static final Body<RuntimeException> RANDOM_SEED =
      (s, me, seed, a, b, site) -> of(s.values.randomSeed((long[]) seed));
  private static final Body<RuntimeException> IDENTITY_HASH =
      (s, me, o, a, b, site) -> s.values.identityHash();
  private static final Body<RuntimeException> UNCONTROLLED = (s, me, target, a, b, site) -> {
    s.values.uncontrolled(site);
    return 0;
  };
  private static final ValueBody<RandomGenerator> THREAD_RANDOM =
      (s, me, target, site) -> s.values.threadRandom(me);

  @Override
  public double random() {
    return Double.longBitsToDouble(
        entered(RANDOM, Double.doubleToRawLongBits(-1), null, 0, 0, -1));
  }

  @Override
  public boolean randomSeed(long[] seed) {
    return entered(RANDOM_SEED, FALSE, seed, 0, 0, -1) != FALSE;
  }

  @Override
  public RandomGenerator threadRandom() {
    return entered(THREAD_RANDOM, null, null, -1);
  }

  @Override
  public void uncontrolled(int site) {
    entered(UNCONTROLLED, 0, null, 0, 0, site);
  }

  @Override
  public int identityHash(Object o) {
    return (int) entered(IDENTITY_HASH, 0, o, 0, 0, -1);
  }

  // ---- pool workers ---------------------------------------------------------------------------

  private static final ValueBody<ForkJoinPool> COMMON_POOL =
      (s, me, common, site) -> s.workers.commonPool((ForkJoinPool) common);

  @Override
  public ForkJoinPool commonPool(ForkJoinPool common) {
    if (common != PoolWorkers.JVM_COMMON_POOL) return common;
    return entered(COMMON_POOL, common, common, -1);
  }
}
