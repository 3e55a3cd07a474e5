package dev.baton.scheduler;

import dev.baton.InterleavingFailure.Kind;
import dev.baton.instrument.Site;
import dev.baton.instrument.SiteKind;
import dev.baton.instrument.Sites;
import dev.baton.runtime.HookDelegate;
import dev.baton.runtime.Hooks;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one schedule: the baton, the thread model and the shadow models of monitors, wait sets,
 * park permits and joins.
 *
 * <p>Only the thread in {@link #running} executes user code. At each scheduling point it asks the
 * policy which enabled thread goes next, hands the baton over and parks until the baton comes back.
 * Monitors in instrumented code exist only in the model (the real {@code monitorenter} is skipped
 * for managed threads), so a managed thread never blocks in the JVM on another managed thread.
 *
 * <p>The model is mutated only by the baton holder. The exceptions are arrival and abort, which
 * happen while the holder is parked, and are published through volatile fields.
 */
final class Scheduler implements HookDelegate {
  /** The location a monitor operation touches, for POS's race check. */
  static final Object MONITOR_KEY = new Object();

  /** An untimed join reads, and a thread's end writes, this location of the thread. */
  static final Object LIFE_KEY = new Object();

  /** A field access: the location is the owner plus the field of the site in pendingIndex. */
  static final Object FIELD_KEY = new Object();

  private static final long ABORT_GRACE_MILLIS = 1_000;

  /** What {@code System.nanoTime()} says when a schedule starts: the same in every run. */
  static final long BASE_NANOS = 1L << 40;

  /** What {@code System.currentTimeMillis()} says when a schedule starts: 2026-01-01T00:00Z. */
  static final long BASE_MILLIS = 1_767_225_600_000L;

  /** How far the virtual clock moves at every scheduling point, and at a yield or spin wait. */
  static final long STEP_NANOS = 1_000;

  static final long YIELD_NANOS = 1_000_000;

  /** Steps a thread may run in a row while others could run, before it has to give way. */
  static final int FAIRNESS_BOUND = 1_000;

  private final SchedulePolicy policy;
  /** What each step touches goes here, for partial-order reduction; null for most policies. */
  private final TransitionObserver observer;
  private final int maxSteps;
  private final long watchdogMillis;
  private final long maxPauseNanos;
  private final boolean spuriousWakeups;

  private final ThreadLocal<ManagedThread> current = new ThreadLocal<>();
  private final ConcurrentHashMap<Thread, ManagedThread> byThread = new ConcurrentHashMap<>();
  private final IdentityHashMap<Object, MonitorState> monitors = new IdentityHashMap<>();
  private final AtomicInteger live = new AtomicInteger();
  private final AtomicInteger notArrived = new AtomicInteger();
  /** Threads that ran to their end before any hook, whose end the trace does not show yet. */
  private final AtomicInteger unrecordedEnds = new AtomicInteger();
  private final CountDownLatch finished = new CountDownLatch(1);
  final Trace trace = new Trace();

  private volatile ManagedThread[] threads = new ManagedThread[0];
  private volatile ManagedThread running;
  private volatile boolean aborted;
  private volatile Failure failure;

  private ManagedThread[] options = new ManagedThread[8];

  /** Virtual time since the schedule started, in nanoseconds. */
  private long clock;

  /** Virtual time the running threads were paused so that deadlines could fire, in nanoseconds. */
  private long paused;

  /** The JVM's common pool, as seen from outside any schedule. */
  private static final java.util.concurrent.ForkJoinPool JVM_COMMON_POOL =
      java.util.concurrent.ForkJoinPool.commonPool();

  /** What the common pool is inside this schedule; made on first use, shut down at its end. */
  private java.util.concurrent.ForkJoinPool commonPool;

  /** Random numbers and identity hashes of this schedule; created on first use. */
  private final long valueSeed;
  private java.util.SplittableRandom values;
  private int identities;
  /** Sites of calls to sources Baton does not control, in order of first call. */
  private final List<Integer> uncontrolled = new ArrayList<>();

  private int[] choices = new int[64];
  private int choiceCount;
  private int steps;

  /** Set when this schedule runs beside others ({@link ParallelExplorer}); null alone. */
  HookDispatch dispatch;

  Scheduler(SchedulePolicy policy, ExplorationSettings settings, long valueSeed) {
    this.policy = policy;
    this.observer = policy.observer();
    this.valueSeed = valueSeed;
    this.maxSteps = settings.maxSteps();
    this.watchdogMillis = Debugger.watchdogMillis(settings.watchdogMillis());
    this.maxPauseNanos = TimeUnit.MILLISECONDS.toNanos(settings.maxPauseMillis());
    this.spuriousWakeups = settings.spuriousWakeups();
  }

  // ---- running a schedule -------------------------------------------------------------------

  /** Runs {@code body} on {@code main} as managed thread 0; returns when every thread has ended. */
  void run(ScheduleBody body, MainThread main) throws InterruptedException {
    if (dispatch == null) Hooks.install(this); // beside others, the dispatch is installed
    try {
      main.execute(() -> runMain(body), Thread.currentThread().getContextClassLoader());
      watch();
    } finally {
      if (dispatch == null) Hooks.install(null);
      else dispatch.release(this);
    }
    if (commonPool != null) commonPool.shutdownNow(); // its workers were released, parked
    awaitReleasedWorkersIdle();
  }

  /**
   * Waits a little for the pool workers released at the end of this schedule to park for real or
   * end: a worker of the JVM's common pool still scanning its queues could take a task of the
   * next schedule before that schedule knows of it, and run it outside the model.
   */
  private void awaitReleasedWorkersIdle() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    for (ManagedThread t : threads) {
      boolean ofTheJvm = t.thread instanceof java.util.concurrent.ForkJoinWorkerThread w
          && w.getPool() == JVM_COMMON_POOL;
      if (!t.released || !ofTheJvm) continue;
      while (t.thread.isAlive() && System.nanoTime() < deadline && !idleInPool(t.thread)) {
        Thread.sleep(1);
      }
    }
  }

  /**
   * Waits for the schedule to end, failing it when nothing happens for {@link #watchdogMillis}: no
   * scheduling point passed and the baton did not move, so the thread that holds it is blocked or
   * busy outside the model. (A thread that was started but never arrives is caught at the next
   * decision, with a more precise message, a little earlier.)
   */
  private void watch() throws InterruptedException {
    long poll = Math.max(10, Math.min(1_000, watchdogMillis / 10));
    long limit = TimeUnit.MILLISECONDS.toNanos(watchdogMillis) + TimeUnit.MILLISECONDS.toNanos(poll);
    int seenSteps = -1;
    ManagedThread seenRunning = null;
    long since = System.nanoTime();
    while (!finished.await(poll, TimeUnit.MILLISECONDS)) {
      int s = steps;
      ManagedThread r = running;
      long now = System.nanoTime();
      if (s != seenSteps || r != seenRunning) {
        seenSteps = s;
        seenRunning = r;
        since = now;
      } else if (now - since > limit) {
        fail(stuck());
        finished.await(ABORT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        return;
      }
    }
  }

  private void runMain(ScheduleBody body) {
    ManagedThread me = register(Thread.currentThread());
    me.arrived = true;
    notArrived.decrementAndGet();
    current.set(me);
    running = me;
    try {
      body.run();
    } catch (Throwable t) {
      if (!(t instanceof BatonAbort)) threadFailed(me, t);
    } finally {
      me.inRuntime++;
      current.remove();
      finish(me);
    }
  }

  Failure failure() {
    return failure;
  }

  /** Whether {@code thread} is a thread of this schedule. */
  boolean isManaged(Thread thread) {
    return byThread.containsKey(thread);
  }

  int steps() {
    return steps;
  }

  int[] choices() {
    return Arrays.copyOf(choices, choiceCount);
  }

  ManagedThread[] threads() {
    return threads;
  }

  private ManagedThread register(Thread thread) {
    ManagedThread[] old = threads;
    ManagedThread t = new ManagedThread(old.length, thread);
    ManagedThread[] grown = Arrays.copyOf(old, old.length + 1);
    grown[old.length] = t;
    threads = grown;
    byThread.put(thread, t);
    if (dispatch != null) dispatch.own(thread, this);
    live.incrementAndGet();
    notArrived.incrementAndGet();
    return t;
  }

  // ---- entering and leaving hooks ------------------------------------------------------------

  /**
   * The managed thread calling a hook, now marked as inside the scheduler; or null when the caller
   * is not managed or already inside the scheduler (its own parking must stay real).
   */
  private ManagedThread enter() {
    ManagedThread holder = running;
    ManagedThread me =
        holder != null && holder.thread == Thread.currentThread() ? holder : current.get();
    if (me == null) {
      me = byThread.get(Thread.currentThread());
      if (me == null) return null;
      if (me.arrived) {
        // Its thread-locals were erased (ForkJoinPool workers clear them after every task).
        current.set(me);
      } else {
        // Inside a class initialiser it must not wait for the baton: the thread holding it may
        // need that class, and the JVM would block it until this initialiser ends. It runs on,
        // its hooks inert, and arrives at its first hook after the initialiser.
        if (me.inClassInit > 0) return null;
        arrive(me);
      }
    }
    if (me.inRuntime > 0 || me.terminated) return null;
    me.inRuntime++;
    return me;
  }

  /** A started thread reached its first hook: tell its starter, then wait for the baton. */
  private void arrive(ManagedThread me) {
    current.set(me);
    me.inRuntime++;
    try {
      me.arrived = true;
      notArrived.decrementAndGet();
      ManagedThread starter = running;
      if (starter != null) LockSupport.unpark(starter.thread);
      awaitBaton(me);
    } finally {
      me.inRuntime--;
    }
  }

  // ---- the baton ----------------------------------------------------------------------------

  /**
   * Adds a step of {@code me} to the trace, unless it is inside a class initialiser: a class is
   * initialised in the first schedule that uses it only (the others, and a replay, may or may not
   * run it), so its steps must not shift the trace.
   */
  private void record(ManagedThread me, int site, int kind, Object object) {
    if (me.inClassInit == 0) trace.add(me.id, site, kind, object);
  }

  /** A scheduling point: maybe hand the baton to another thread, then record the step. */
  private void point(ManagedThread me, int site, int kind, Object object) {
    turn(me, site, false);
    record(me, site, kind, object);
  }

  /**
   * A scheduling point where {@code me} may block (park, wait, join, sleep): the step is recorded
   * when it starts, so that what happens while it waits, and what wakes it, come after it.
   */
  private void blockingPoint(ManagedThread me, int site, int kind, Object object) {
    record(me, site, kind, object);
    turn(me, site, false);
  }

  /**
   * The decision part of a scheduling point: returns when {@code me} holds the baton and can
   * proceed. {@code yielding} (sleep, yield, spin waits) says that {@code me} waits for another
   * thread to make progress: it gives way whenever another thread can run, so a spin loop can never
   * starve the thread it waits for. So does a thread that ran {@link #FAIRNESS_BOUND} steps in a row
   * while others could have run (a busy loop on a field).
   */
  private void turn(ManagedThread me, int site, boolean yielding) {
    if (aborted) {
      if (me.inClassInit > 0) return; // never unwind a class initialiser: the class would be lost
      throw new BatonAbort();
    }
    // Inside a class initialiser nothing counts (see record): no step, no time, no switch.
    if (me.inClassInit > 0 && satisfied(me)) {
      observePending(me);
      return;
    }
    if (site >= 0) {
      me.lastSite = site;
      me.lastSiteClock = clock;
    }
    if (++steps > maxSteps) {
      fail(nonTermination(me));
      throw new BatonAbort();
    }
    clock += yielding ? YIELD_NANOS : STEP_NANOS;
    if (me.noPreempt > 0 && satisfied(me)) {
      observePending(me);
      return;
    }
    boolean giveWay = yielding || me.runLength >= FAIRNESS_BOUND;
    ManagedThread next = pickNext(me, giveWay);
    if (next != me) {
      trace.markSwitch(me.id, !satisfied(me) ? Trace.BLOCKED : giveWay ? Trace.YIELDED : Trace.PREEMPTED);
      me.runLength = 0;
      running = next;
      LockSupport.unpark(next.thread);
      awaitBaton(me);
    } else {
      me.runLength++;
    }
  }

  /** The running thread performs its pending operation without a switch (it cannot be preempted). */
  private void observePending(ManagedThread me) {
    if (observer != null) observer.pending(me);
  }

  private void awaitBaton(ManagedThread me) {
    boolean interrupted = false;
    try {
      while (true) {
        if (aborted) {
          if (me.inClassInit > 0 || me.released) return;
          throw new BatonAbort();
        }
        if (running == me) return;
        LockSupport.park(this);
        if (me.thread.isInterrupted()) {
          // Stash before clearing: a thread deciding who may run must always see one of the two.
          me.interruptStash = true;
          Thread.interrupted();
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Interrupts.raise(me.thread);
        me.interruptStash = false;
      }
      if (me.interruptPending) {
        // Interrupted by a managed thread while it waited: it resumes interrupted, whatever the
        // JVM did with the real status meanwhile. From here on the real status speaks for itself.
        if (!me.thread.isInterrupted()) Interrupts.raise(me.thread);
        me.interruptPending = false;
      }
    }
  }

  /**
   * Waits until every thread started so far has reached its first hook (or ended), so that every
   * decision sees the same set of threads in every run. A started thread runs on its own until
   * then; one that never gets there is outside Baton's control and fails the schedule.
   */
  private void awaitArrivals(ManagedThread me) {
    if (notArrived.get() == 0 && unrecordedEnds.get() == 0) return;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(watchdogMillis);
    boolean interrupted = false;
    try {
      for (ManagedThread t : threads) {
        while (!t.arrived) {
          if (aborted) throw new BatonAbort();
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            fail(new Failure(Kind.UNCONTROLLED,
                t.displayName() + " was started but did not reach a scheduling point within "
                    + seconds(watchdogMillis) + ": it is blocked or busy outside Baton's control"
                    + " (raise " + "baton.watchdogSeconds if it is only slow)",
                null, List.of(),
                Stacks.format(Stacks.ofUser(t.thread.getStackTrace()), "      ")));
            throw new BatonAbort();
          }
          LockSupport.parkNanos(this, left);
          if (Thread.interrupted()) interrupted = true;
        }
        if (t.terminated && !t.endRecorded) {
          // It ran to its end before reaching any hook; its end is recorded here, in id order,
          // whether it ended before this decision or while it waited.
          t.endRecorded = true;
          unrecordedEnds.decrementAndGet();
          trace.add(t.id, -1, Trace.END, null);
        }
      }
    } finally {
      if (interrupted) Interrupts.raise(me.thread);
    }
  }

  /**
   * Who runs next; fails the schedule (and throws {@link BatonAbort}) when nobody can. With {@code
   * giveWay}, {@code me} is not a candidate unless nobody else can run.
   */
  private ManagedThread pickNext(ManagedThread me, boolean giveWay) {
    awaitArrivals(me);
    int n = collectEnabled();
    if (giveWay && n > 1) n = without(me, n);
    if (n == 0) n = advanceToEarliestDeadline();
    if (n == 0) {
      fail(blocked());
      throw new BatonAbort();
    }
    int wakeable = collectWakeable(n);
    if (n + wakeable == 1) {
      if (observer != null) observer.transition(options[0], false);
      return options[0];
    }
    int i;
    try {
      i = policy.pickThread(options, n, wakeable, me, steps);
    } catch (ReplayPolicy.Divergence d) {
      fail(diverged(d));
      throw new BatonAbort();
    }
    recordChoice(options[i].id);
    if (observer != null) observer.transition(options[i], true);
    if (i >= n) wakeEarly(options[i]);
    return options[i];
  }

  /**
   * Appends to the {@code n} enabled options the waiting threads that could be woken early: a
   * timed wait shorter than the pause budget whose deadline the remaining budget reaches (the
   * running threads pause, as in a long GC, and the deadline fires first), and, when enabled, any
   * {@code wait} or {@code park} (a spurious wakeup). Returns how many it appended.
   */
  private int collectWakeable(int n) {
    if (maxPauseNanos == 0 && !spuriousWakeups) return 0;
    ManagedThread[] all = threads;
    int k = n;
    for (ManagedThread t : all) {
      if (!t.arrived || t.terminated || t.wait == ManagedThread.Wait.NONE || satisfied(t)) continue;
      if (canPauseFor(t) || canWakeSpuriously(t)) {
        if (k == options.length) options = Arrays.copyOf(options, k * 2);
        options[k++] = t;
      }
    }
    return k - n;
  }

  private boolean canPauseFor(ManagedThread t) {
    return t.timed
        // The whole wait the program asked for, from its own call (a CountDownLatch.await(1 s)
        // parks for a little less, after the JDK's own steps): shorter than the pause budget.
        && t.deadline - t.lastSiteClock < maxPauseNanos
        && t.deadline - clock <= maxPauseNanos - paused
        && (t.wait != ManagedThread.Wait.WAIT || monitorFreeFor(t));
  }

  private boolean canWakeSpuriously(ManagedThread t) {
    return spuriousWakeups
        && (t.wait == ManagedThread.Wait.PARK
            || (t.wait == ManagedThread.Wait.WAIT && monitorFreeFor(t)));
  }

  /** The policy picked a waiting thread: its deadline fires after a pause, or it wakes spuriously. */
  private void wakeEarly(ManagedThread t) {
    if (observer != null) observer.global(); // what a pause or a spurious wakeup changes is time
    if (canPauseFor(t)) {
      long pause = t.deadline - clock;
      paused += pause;
      clock = t.deadline;
      trace.add(t.id, t.lastSite, Trace.PAUSE, pause);
    } else {
      t.woken = true;
      trace.add(t.id, t.lastSite, Trace.SPURIOUS, null);
    }
  }

  private int without(ManagedThread me, int n) {
    for (int i = 0; i < n; i++) {
      if (options[i] == me) {
        System.arraycopy(options, i + 1, options, i, n - i - 1);
        return n - 1;
      }
    }
    return n;
  }

  private int collectEnabled() {
    ManagedThread[] all = threads;
    if (options.length < all.length) options = new ManagedThread[all.length * 2];
    int n = 0;
    for (ManagedThread t : all) {
      if (t.arrived && !t.terminated && satisfied(t)) options[n++] = t;
    }
    return n;
  }

  /** Nothing can run: the virtual clock jumps to the earliest deadline, which times that wait out. */
  private int advanceToEarliestDeadline() {
    long earliest = Long.MAX_VALUE;
    for (ManagedThread t : threads) {
      if (t.arrived && !t.terminated && t.timed && t.deadline < earliest) earliest = t.deadline;
    }
    if (earliest == Long.MAX_VALUE) return 0;
    clock = Math.max(clock, earliest);
    int n = collectEnabled();
    for (int i = 0; i < n; i++) trace.add(options[i].id, options[i].lastSite, Trace.TIMEOUT, null);
    return n;
  }

  private boolean satisfied(ManagedThread t) {
    boolean expired = t.timed && clock >= t.deadline;
    switch (t.wait) {
      case NONE:
        return true;
      case MONITOR:
        return monitorFreeFor(t);
      case WAIT:
        return (t.notified || expired || t.woken || interrupted(t)) && monitorFreeFor(t);
      case JOIN:
        return ((ManagedThread) t.waitTarget).terminated || expired || interrupted(t);
      case PARK:
        return t.parkPermit || expired || t.woken || interrupted(t);
      case SLEEP:
        return expired || interrupted(t);
      default:
        throw new IllegalStateException(String.valueOf(t.wait));
    }
  }

  private boolean monitorFreeFor(ManagedThread t) {
    MonitorState m = monitors.get(t.waitTarget);
    return m == null || m.owner == null || m.owner == t;
  }

  /**
   * Whether {@code t} is interrupted in the model. While it waits for the baton, {@code t} moves
   * its real status into {@link ManagedThread#interruptStash} (stash, then clear) and back (set,
   * then unstash), concurrently with this read: reading the stash both before and after the real
   * status sees one of them whichever way it is moving.
   */
  private static boolean interrupted(ManagedThread t) {
    return t.interruptPending || t.interruptStash || t.thread.isInterrupted() || t.interruptStash;
  }

  private void recordChoice(int threadId) {
    if (choiceCount == choices.length) choices = Arrays.copyOf(choices, choiceCount * 2);
    choices[choiceCount++] = threadId;
  }

  private void block(ManagedThread me, ManagedThread.Wait wait, Object target, long millis, int nanos) {
    me.wait = wait;
    me.waitTarget = target;
    long timeout = TimeUnit.MILLISECONDS.toNanos(millis) + nanos; // toNanos saturates
    if (timeout < 0 || timeout >= Long.MAX_VALUE - clock) {
      timeout = 0; // "forever" (Long.MAX_VALUE and the like) is no deadline at all
      millis = 0;
      nanos = 0;
    }
    me.timed = millis > 0 || nanos > 0;
    me.timeout = timeout;
    me.deadline = me.timed ? clock + timeout : Long.MAX_VALUE;
  }

  private static void pending(ManagedThread me, Object object, Object key, int index, boolean write) {
    me.pendingObject = object;
    me.pendingKey = key;
    me.pendingIndex = index;
    me.pendingWrite = write;
  }

  // ---- ending threads and schedules ------------------------------------------------------------

  /** {@code me} has finished: pass the baton on, or end the schedule. Caller holds inRuntime. */
  private void finish(ManagedThread me) {
    if (me.terminated) return;
    me.terminated = true;
    me.endRecorded = true;
    if (observer != null) observer.access(me, LIFE_KEY, 0, true);
    if (!aborted) record(me, -1, Trace.END, null);
    if (live.decrementAndGet() == 0) {
      finished.countDown();
      return;
    }
    if (aborted || running != me) return;
    if (onlyDaemonsLeft()) {
      // Like the JVM, a finished scenario does not wait for its daemon threads: end them quietly.
      abort(null);
      return;
    }
    try {
      ManagedThread next = pickNext(me, false);
      running = next;
      LockSupport.unpark(next.thread);
    } catch (BatonAbort expected) {
      // nobody can run: pickNext recorded the failure and woke everyone to unwind
    }
  }

  private void threadFailed(ManagedThread me, Throwable t) {
    if (t instanceof StackOverflowError) {
      String cycle = Stacks.recursion(Stacks.ofUser(t.getStackTrace()));
      fail(new Failure(Kind.EXCEPTION,
          "stack overflow in " + me.displayName()
              + (cycle.isEmpty() ? "" : ": endless recursion through " + cycle),
          t, List.of(), ""));
      return;
    }
    fail(new Failure(Kind.EXCEPTION, t + " (thrown in " + me.displayName() + ")", t, List.of(), ""));
  }

  /** Whether the scenario's main thread has finished and every thread still alive is a daemon. */
  private boolean onlyDaemonsLeft() {
    ManagedThread[] all = threads;
    if (!all[0].terminated) return false;
    for (ManagedThread t : all) {
      if (!t.terminated && !t.thread.isDaemon()) return false;
    }
    return true;
  }

  /** Records the first failure and wakes every thread so that it unwinds. */
  private void fail(Failure f) {
    abort(f);
  }

  /** Ends the schedule: every thread is woken to unwind; {@code f} is its failure, or null. */
  private void abort(Failure f) {
    ManagedThread me = self();
    if (me != null) me.inRuntime++;
    try {
      synchronized (this) {
        if (aborted) return;
        failure = f;
        aborted = true;
      }
      trace.freeze();
      for (ManagedThread t : threads) {
        if (t.thread == Thread.currentThread()) continue;
        if (!t.terminated && isPoolWorker(t) && t.wait == ManagedThread.Wait.PARK) {
          // An idle worker is not unwound, which would make its pool replace it while the
          // schedule ends: it parks again for real, outside the model, and a pool that is shut
          // down (the schedule's own common pool) ends it. A worker in the middle of a task is
          // unwound like any thread: the pool catches that per task.
          t.released = true;
          t.terminated = true;
          t.endRecorded = true;
          if (live.decrementAndGet() == 0) finished.countDown();
        }
        LockSupport.unpark(t.thread);
      }
    } finally {
      if (me != null) me.inRuntime--;
    }
  }

  /** Parked for real where a pool worker waits for work, not in Baton's own code. */
  private static boolean idleInPool(Thread worker) {
    Thread.State state = worker.getState();
    if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) return false;
    boolean awaitingWork = false;
    for (StackTraceElement e : worker.getStackTrace()) {
      // Its real park may pass through Baton's hooks (JDK 25 parks idle workers via Unsafe),
      // but not through the scheduler, which would mean it still waits for the baton.
      if (e.getClassName().startsWith("dev.baton.scheduler.")) return false;
      awaitingWork |= e.getClassName().equals("java.util.concurrent.ForkJoinPool")
          && e.getMethodName().equals("awaitWork");
    }
    return awaitingWork;
  }

  /** A carrier of virtual threads: it runs the managed virtual threads, and is the JVM's own. */
  private static boolean isCarrier(Thread thread) {
    return thread.getClass().getName().equals("jdk.internal.misc.CarrierThread");
  }

  /** A worker of a {@code ForkJoinPool}, which the pool must end itself. */
  private static boolean isPoolWorker(ManagedThread t) {
    return t.thread instanceof java.util.concurrent.ForkJoinWorkerThread;
  }

  private Failure blocked() {
    List<Failure.BlockedThread> blocked = new ArrayList<>();
    boolean mainAlive = false;
    for (ManagedThread t : threads) {
      if (t.terminated || !t.arrived) continue;
      if (t.id == 0) mainAlive = true;
      Object target = t.waitTarget;
      if (target == null && t.wait == ManagedThread.Wait.PARK) {
        // Conditions park without an argument after setting the thread's blocker.
        target = t.parkBlocker;
      }
      blocked.add(new Failure.BlockedThread(
          t, t.wait, target, holderOf(t), t.lastSite, Stacks.ofUser(t.thread.getStackTrace())));
    }
    boolean cycle = Deadlocks.findCycle(blocked) != null;
    if (cycle || mainAlive) {
      return new Failure(
          Kind.DEADLOCK, "deadlock: every live thread is blocked", null, blocked, "");
    }
    return new Failure(
        Kind.BLOCKED_AT_END,
        "the scenario finished but " + blocked.size() + " thread(s) it started are still blocked",
        null,
        blocked,
        "");
  }

  private ManagedThread holderOf(ManagedThread t) {
    switch (t.wait) {
      case MONITOR:
      case WAIT:
        MonitorState m = monitors.get(t.waitTarget);
        boolean wantsMonitor = t.wait == ManagedThread.Wait.MONITOR || t.notified;
        return wantsMonitor && m != null ? m.owner : null;
      case JOIN:
        return (ManagedThread) t.waitTarget;
      case PARK:
        Thread owner = LockOwners.ownerOf(t.waitTarget);
        return owner == null ? null : byThread.get(owner);
      default:
        return null;
    }
  }

  private Failure diverged(ReplayPolicy.Divergence d) {
    return Failure.of(Kind.DIVERGENCE, "schedule diverged at step " + steps + " (" + d.getMessage()
        + "): the code changed since the token was recorded, or it depends on something outside"
        + " the schedule" + likelyCauses());
  }

  /**
   * What in this schedule may have made it differ from the recorded one: the calls to sources
   * Baton does not control, if any were made.
   */
  String likelyCauses() {
    if (uncontrolled.isEmpty()) return " (hash order of JDK objects, I/O, or state outside the test)";
    StringBuilder b = new StringBuilder("; it called what Baton cannot repeat: ");
    for (int i = 0; i < uncontrolled.size(); i++) {
      Site s = Sites.get(uncontrolled.get(i));
      if (i > 0) b.append(", ");
      b.append(s == null ? "?" : s.detail() + " at " + s.location());
    }
    return b.toString();
  }

  /** Called by {@code me}, the thread that passed the step bound: its own stack shows the loop. */
  private Failure nonTermination(ManagedThread me) {
    StackTraceElement[] stack = Stacks.ofUser(Thread.currentThread().getStackTrace());
    return new Failure(
        Kind.NON_TERMINATION,
        "the schedule took more than " + maxSteps + " scheduling points: " + me.displayName()
            + " seems not to terminate (last at " + location(me.lastSite)
            + "); raise maxSteps if the scenario is just long",
        null,
        List.of(),
        "  " + me.displayName() + " was looping here:\n" + Stacks.format(stack, "      "));
  }

  private Failure stuck() {
    ManagedThread holder = running;
    StringBuilder details = new StringBuilder();
    for (ManagedThread t : threads) {
      if (t.terminated) continue;
      details.append("  ").append(t.displayName()).append(" (").append(t.thread.getState())
          .append(t == holder ? ", holds the baton" : "").append(")\n");
      details.append(Stacks.format(Stacks.ofUser(t.thread.getStackTrace()), "      "));
    }
    String who = holder == null || holder.terminated
        ? "a thread"
        : holder.displayName() + " (" + holder.thread.getState() + ")";
    return new Failure(
        Kind.UNCONTROLLED,
        who + " did not reach a scheduling point for " + seconds(watchdogMillis) + ": it is"
            + " blocked or busy outside Baton's control (I/O, native code, or a lock of"
            + " uninstrumented code); raise baton.watchdogSeconds if it is only slow",
        null,
        List.of(),
        details.toString());
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  static String location(int site) {
    Site s = Sites.get(site);
    return s == null ? "JDK code" : s.location();
  }

  // ---- HookDelegate: memory ------------------------------------------------------------------

  @Override
  public void beforeFieldAccess(Object owner, boolean write, int site) {
    ManagedThread me = enter();
    if (me == null) return;
    try {
      pending(me, owner, FIELD_KEY, site, write);
      point(me, site, Trace.SITE, null);
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public void beforeArrayAccess(Object array, int index, boolean write, int site) {
    ManagedThread me = enter();
    if (me == null) return;
    try {
      pending(me, array, null, index, write);
      point(me, site, Trace.SITE, array);
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public void beforeCall(Object receiver, int site) {
    ManagedThread me = enter();
    if (me == null) return;
    try {
      pending(me, receiver, null, 0, true);
      point(me, site, Trace.SITE, null);
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public void yieldPoint(int site) {
    ManagedThread me = enter();
    if (me == null) return;
    try {
      pending(me, null, null, 0, false);
      Site s = Sites.get(site);
      if (s != null && s.kind() == SiteKind.THREAD_START) {
        trace.attachStartSite(me.id, site);
        turn(me, site, false);
      } else {
        boolean yielding =
            s != null && (s.kind() == SiteKind.YIELD || s.kind() == SiteKind.SPIN_WAIT);
        turn(me, site, yielding);
        record(me, site, Trace.SITE, null);
      }
    } finally {
      me.inRuntime--;
    }
  }

  // ---- HookDelegate: monitors ----------------------------------------------------------------

  @Override
  public boolean monitorEnter(Object monitor, int site) {
    if (monitor == null) return false; // the real monitorenter throws the NullPointerException
    ManagedThread me = enter();
    if (me == null) return false;
    try {
      lockModel(me, monitor, site);
      if (site >= 0) record(me, site, Trace.SITE, monitor);
      return true;
    } finally {
      me.inRuntime--;
    }
  }

  /** Takes {@code monitor} in the model: a scheduling point, blocked while another thread owns it. */
  private void lockModel(ManagedThread me, Object monitor, int site) {
    if (aborted) throw new BatonAbort(); // unwinding threads run concurrently: leave the model
    MonitorState m = monitors.computeIfAbsent(monitor, k -> new MonitorState());
    pending(me, monitor, MONITOR_KEY, 0, true);
    // Blocked whenever another thread owns it, re-checked at every decision until we run.
    block(me, ManagedThread.Wait.MONITOR, monitor, 0, 0);
    try {
      turn(me, site, false);
    } finally {
      me.clearWait();
    }
    m.owner = me;
    m.count++;
  }

  @Override
  public boolean monitorExit(Object monitor, int site) {
    if (monitor == null) return false;
    ManagedThread me = enter();
    if (me == null) return false;
    try {
      MonitorState m = monitors.get(monitor);
      if (m == null || m.owner != me) {
        // Unwinding an aborted schedule (say, out of a wait() that gave the monitor up): the real
        // monitorexit would throw, and javac's handler, which covers itself, would retry forever.
        // Otherwise the real monitorexit reports the misuse.
        return aborted;
      }
      if (--m.count == 0) m.owner = null;
      if (observer != null) observer.access(monitor, MONITOR_KEY, 0, true);
      if (!aborted) record(me, site, Trace.SITE, monitor);
      return true;
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public boolean monitorWait(Object monitor, long millis, int nanos, int site)
      throws InterruptedException {
    ManagedThread me = enter();
    if (me == null) return false;
    try {
      MonitorState m = monitors.get(monitor);
      if (m == null || m.owner != me) return false; // the real wait throws IllegalMonitorStateException
      if (Thread.interrupted()) throw new InterruptedException();
      int saved = m.count;
      m.owner = null;
      m.count = 0;
      m.waitSet.add(me);
      me.notified = false;
      pending(me, monitor, MONITOR_KEY, 0, true);
      block(me, ManagedThread.Wait.WAIT, monitor, millis, nanos);
      try {
        blockingPoint(me, site, Trace.SITE, monitor);
      } finally {
        me.clearWait();
        m.waitSet.remove(me);
      }
      if (m.owner != null) {
        block(me, ManagedThread.Wait.MONITOR, monitor, 0, 0);
        try {
          turn(me, site, false);
        } finally {
          me.clearWait();
        }
      }
      m.owner = me;
      m.count = saved;
      boolean notified = me.notified;
      me.notified = false;
      // Notified and interrupted: return normally and keep the interrupt, or the notification
      // would be lost (JLS 17.2.4).
      if (!notified && Thread.interrupted()) throw new InterruptedException();
      return true;
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public boolean monitorNotify(Object monitor, boolean all, int site) {
    ManagedThread me = enter();
    if (me == null) return false;
    try {
      MonitorState m = monitors.get(monitor);
      if (m == null || m.owner != me) return false; // the real notify throws IllegalMonitorStateException
      if (aborted) throw new BatonAbort();
      record(me, site, Trace.SITE, monitor);
      if (observer != null) observer.access(monitor, MONITOR_KEY, 0, true);
      List<ManagedThread> waiters = m.waitSet;
      if (all) {
        for (ManagedThread w : waiters) w.notified = true;
        waiters.clear();
      } else if (!waiters.isEmpty()) {
        int i = 0;
        if (waiters.size() > 1) {
          ManagedThread[] candidates = waiters.toArray(new ManagedThread[0]);
          try {
            i = policy.pickWaiter(candidates, candidates.length);
          } catch (ReplayPolicy.Divergence d) {
            fail(diverged(d));
            throw new BatonAbort();
          }
          recordChoice(candidates[i].id);
        }
        waiters.remove(i).notified = true;
      }
      return true;
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public int holdsLock(Object monitor) {
    ManagedThread me = enter();
    if (me == null) return -1;
    try {
      MonitorState m = monitors.get(monitor);
      return m != null && m.owner == me ? 1 : 0;
    } finally {
      me.inRuntime--;
    }
  }

  // ---- HookDelegate: threads -------------------------------------------------------------------

  @Override
  public boolean join(Thread thread, long millis, int nanos, int site) throws InterruptedException {
    ManagedThread me = enter();
    if (me == null) return false;
    try {
      ManagedThread target = byThread.get(thread);
      if (target == null) return false; // not a thread of this schedule: a real join
      if (Thread.interrupted()) throw new InterruptedException();
      boolean untimed = millis == 0 && nanos == 0;
      pending(me, untimed ? target : null, untimed ? LIFE_KEY : null, 0, false);
      if (!target.terminated) block(me, ManagedThread.Wait.JOIN, target, millis, nanos);
      try {
        blockingPoint(me, site, Trace.SITE, target);
      } finally {
        me.clearWait();
      }
      if (!target.terminated) {
        if (Thread.interrupted()) throw new InterruptedException();
        return true; // timed out
      }
      // The model says it ended; let the JVM finish it so that isAlive() agrees.
      thread.join(1000);
      return true;
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public boolean sleep(long millis, int nanos, int site) throws InterruptedException {
    ManagedThread me = enter();
    if (me == null) return false;
    try {
      if (Thread.interrupted()) throw new InterruptedException("sleep interrupted");
      pending(me, null, null, 0, false);
      if (millis == 0 && nanos == 0) {
        turn(me, site, true);
        record(me, site, Trace.SITE, 0L);
      } else {
        // Asleep until the virtual clock reaches the deadline, or an interrupt.
        block(me, ManagedThread.Wait.SLEEP, null, millis, nanos);
        try {
          blockingPoint(me, site, Trace.SITE, me.timed ? me.timeout : -1L);
        } finally {
          me.clearWait();
        }
      }
      if (Thread.interrupted()) throw new InterruptedException("sleep interrupted");
      return true;
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public int isInterrupted(Thread thread) {
    ManagedThread me = enter();
    if (me == null) return -1;
    try {
      ManagedThread target = byThread.get(thread);
      if (target == null) return -1;
      // A parked thread sets its interrupt status aside while it waits for the baton.
      return interrupted(target) ? 1 : 0;
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public boolean interrupt(Thread thread, int site) {
    ManagedThread me = enter();
    if (me == null) return false;
    try {
      ManagedThread target = byThread.get(thread);
      pending(me, target, null, 0, true);
      point(me, site, Trace.SITE, target);
      // The model learns of it at once, whatever the target's thread is doing in the JVM.
      if (target != null && target != me && !target.terminated) target.interruptPending = true;
      thread.interrupt();
      return true;
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public long nanoTime(long real, int site) {
    ManagedThread me = enter();
    if (me == null) return real;
    try {
      readClock(me, site);
      return BASE_NANOS + clock;
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public long currentTimeMillis(long real, int site) {
    ManagedThread me = enter();
    if (me == null) return real;
    try {
      readClock(me, site);
      return BASE_MILLIS + clock / 1_000_000;
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public long epochNanos(int site) {
    ManagedThread me = enter();
    if (me == null) return Long.MIN_VALUE;
    try {
      readClock(me, site);
      return BASE_MILLIS * 1_000_000 + clock;
    } finally {
      me.inRuntime--;
    }
  }

  // ---- HookDelegate: values that differ from run to run ---------------------------------------

  private java.util.SplittableRandom values() {
    if (values == null) values = new java.util.SplittableRandom(valueSeed);
    return values;
  }

  @Override
  public double random() {
    ManagedThread me = enter();
    if (me == null) return -1;
    try {
      if (observer != null) observer.global(); // one stream for all threads: order matters
      return values().nextDouble();
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public boolean randomSeed(long[] seed) {
    ManagedThread me = enter();
    if (me == null) return false;
    try {
      if (observer != null) observer.global();
      seed[0] = values().nextLong();
      return true;
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public java.util.random.RandomGenerator threadRandom() {
    ManagedThread me = enter();
    if (me == null) return null;
    try {
      if (me.random == null) {
        if (observer != null) observer.global();
        me.random = new java.util.SplittableRandom(values().nextLong());
      }
      return me.random;
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public void uncontrolled(int site) {
    ManagedThread me = enter();
    if (me == null) return;
    try {
      if (uncontrolled.size() < 8 && !uncontrolled.contains(site)) uncontrolled.add(site);
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public java.util.concurrent.ForkJoinPool commonPool(java.util.concurrent.ForkJoinPool common) {
    if (common != JVM_COMMON_POOL) return common;
    ManagedThread me = enter();
    if (me == null) return common;
    try {
      if (commonPool == null) {
        // Like the JVM's: same size, daemon workers named as the common pool's. They are started
        // by managed threads, so they are managed.
        int[] workers = {0};
        commonPool = new java.util.concurrent.ForkJoinPool(
            common.getParallelism(),
            pool -> {
              java.util.concurrent.ForkJoinWorkerThread worker =
                  java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
              worker.setName("ForkJoinPool.commonPool-worker-" + ++workers[0]);
              worker.setDaemon(true);
              // Code loaded through the context loader must see the instrumented classes.
              worker.setContextClassLoader(Thread.currentThread().getContextClassLoader());
              return worker;
            },
            null,
            common.getAsyncMode());
      }
      return commonPool;
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public int identityHash(Object o) {
    ManagedThread me = enter();
    if (me == null) return 0;
    try {
      if (observer != null) observer.global();
      return Seeds.hash(++identities);
    } finally {
      me.inRuntime--;
    }
  }

  /**
   * A clock read in user code is a scheduling point: a loop polling the clock lets time pass. A
   * read in JDK code the user called ({@link Hooks#CLOCK_IN_JDK}) lets time pass without a switch;
   * one inside {@code java.util.concurrent} (site -1) does neither: it happens inside a call that
   * must stay atomic.
   */
  private void readClock(ManagedThread me, int site) {
    if (site == -1) return;
    if (site == Hooks.CLOCK_IN_JDK) {
      // Inside JDK or library code, which may hold a real monitor: time passes, so a loop
      // polling Instant.now() ends, but the thread keeps the baton.
      if (me.inClassInit == 0) clock += YIELD_NANOS;
      return;
    }
    pending(me, null, null, 0, false);
    turn(me, site, true);
    record(me, site, Trace.SITE, null);
  }

  @Override
  public boolean park(Object blocker, boolean timed, long nanos) {
    ManagedThread me = enter();
    if (me == null) return false;
    try {
      pending(me, null, null, 0, false);
      me.parkBlocker = blocker != null ? blocker : LockSupport.getBlocker(me.thread);
      if (timed) {
        block(me, ManagedThread.Wait.PARK, blocker, nanos / 1_000_000, (int) (nanos % 1_000_000));
      } else {
        block(me, ManagedThread.Wait.PARK, blocker, 0, 0);
      }
      try {
        // Not a site of the program's: the wait is timed from the call that led here.
        record(me, me.lastSite, Trace.PARK, blocker);
        turn(me, -1, false);
      } finally {
        me.clearWait();
      }
      // Released at the end of the schedule while parked: park for real, outside it.
      if (me.released) return false;
      me.parkPermit = false;
      return true;
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public boolean unpark(Thread thread) {
    ManagedThread me = enter();
    if (me == null) {
      // An unpark from outside the model (a JDK thread, or a thread in a class initialiser): the
      // model must see the permit too. Not the scheduler's own hand-over of the baton, which
      // unparks from inside the runtime: that must not leave a permit for the user's next park.
      ManagedThread caller = self();
      ManagedThread target = thread == null ? null : byThread.get(thread);
      if (target != null && (caller == null || caller.inRuntime == 0)) target.parkPermit = true;
      return false;
    }
    try {
      ManagedThread target = thread == null ? null : byThread.get(thread);
      if (target == null) {
        adoptPoolWorker(me, thread);
        return false;
      }
      target.parkPermit = true;
      if (observer != null) observer.global();
      // Not arrived yet (running a class initialiser outside the model): it parks for real.
      if (!target.arrived) return false;
      if (!aborted) record(me, me.lastSite, Trace.UNPARK, target);
      return true;
    } finally {
      me.inRuntime--;
    }
  }

  /**
   * A managed thread wakes a {@code ForkJoinPool} worker that this schedule did not start: a
   * worker of the common pool that outlived an earlier schedule, or that the JVM started before
   * the exploration. It becomes a thread of this schedule, like a thread just started: it runs
   * the task it was woken for under control, and the next decision waits for it to arrive.
   */
  private void adoptPoolWorker(ManagedThread me, Thread worker) {
    if (aborted || !(worker instanceof java.util.concurrent.ForkJoinWorkerThread)
        || !worker.isAlive() || isCarrier(worker)) {
      return;
    }
    ManagedThread adopted = register(worker);
    if (observer != null) observer.global();
    // The unpark counts in the model too: the worker may not have parked yet (it can still be
    // on its way back from an earlier schedule), and then its next park must return at once.
    adopted.parkPermit = true;
    reportUncaughtExceptions(adopted);
    record(me, me.lastSite, Trace.UNPARK, adopted);
  }

  @Override
  public void threadStarting(Thread thread) {
    ManagedThread me = enter();
    if (me == null) return;
    try {
      if (thread.getState() != Thread.State.NEW || byThread.containsKey(thread)) return;
      if (isCarrier(thread)) return;
      if (aborted) {
        // A ForkJoinPool replacing a worker must not fail half-way (it would miscount its
        // workers): that thread starts outside the schedule. Any other start fails cleanly,
        // as a ThreadPoolExecutor's replacement of a worker that unwound, which would else live
        // on, parked for ever.
        if (thread instanceof java.util.concurrent.ForkJoinWorkerThread) return;
        throw new BatonAbort();
      }
      // The start is no step of partial-order reduction's: the child cannot run before it anyway.
      ManagedThread child = register(thread);
      reportUncaughtExceptions(child);
      record(me, -1, Trace.START, child);
    } finally {
      me.inRuntime--;
    }
  }

  /** Makes an exception that escapes {@code child} fail the schedule, unless the user handles it. */
  private void reportUncaughtExceptions(ManagedThread child) {
    Thread t = child.thread;
    Thread.UncaughtExceptionHandler own = t.getUncaughtExceptionHandler();
    boolean userHandler = own != null && own != t.getThreadGroup();
    t.setUncaughtExceptionHandler(
        (thread, e) -> {
          if (e instanceof BatonAbort) return;
          if (userHandler) {
            own.uncaughtException(thread, e);
          } else {
            threadFailed(child, e);
          }
        });
  }

  @Override
  public void threadRuns() {
    ManagedThread me = enter(); // a thread that has not arrived arrives here
    if (me != null) me.inRuntime--;
  }

  @Override
  public void threadStarted(Thread thread) {
    // Nothing to do here: the next decision waits for the child to arrive (see awaitArrivals).
    // Waiting inside Thread.start() would hold its monitor on JDK 17, where the child may need it.
  }


  @Override
  public void threadExit() {
    ManagedThread me = current.get();
    if (me == null) me = byThread.get(Thread.currentThread());
    if (me == null) return;
    if (!me.arrived) {
      // It ran to its end before reaching any hook, beside its starter: the starter records its
      // end at its next decision. Publish `terminated` before `arrived`.
      me.inRuntime++;
      me.terminated = true;
      unrecordedEnds.incrementAndGet();
      me.arrived = true;
      notArrived.decrementAndGet();
      if (live.decrementAndGet() == 0) finished.countDown();
      ManagedThread starter = running;
      if (starter != null) LockSupport.unpark(starter.thread);
      return;
    }
    if (me.terminated || me.inRuntime > 0) return;
    me.inRuntime++;
    finish(me);
  }

  @Override
  public void atomicEnter(Object receiver) {
    Object monitor = SynchronizedReceivers.monitorOf(receiver);
    if (monitor == null) {
      ManagedThread me = self();
      if (me != null) me.pushCall(null, SynchronizedReceivers.locksAroundCallbacks(receiver));
      return;
    }
    // The JDK will lock this monitor for real: take it in the model first, so that it excludes
    // the user's own synchronized blocks on it.
    ManagedThread me = enter();
    if (me == null) {
      me = self();
      if (me != null) me.pushCall(null, false);
      return;
    }
    try {
      lockModel(me, monitor, me.lastSite);
      me.pushCall(monitor, false);
    } finally {
      me.inRuntime--;
    }
  }

  @Override
  public void atomicExit() {
    ManagedThread me = self();
    if (me == null || me.callDepth == 0) return;
    Object monitor = me.popCall();
    if (monitor != null) {
      MonitorState m = monitors.get(monitor);
      if (m != null && m.owner == me && --m.count == 0) m.owner = null;
      if (observer != null) observer.access(monitor, MONITOR_KEY, 0, true);
    }
  }

  @Override
  public void classInitEnter() {
    ManagedThread me = self();
    if (me != null) {
      me.noPreempt++;
      me.inClassInit++;
    }
  }

  @Override
  public void classInitExit() {
    ManagedThread me = self();
    if (me != null && me.inClassInit > 0) {
      me.inClassInit--;
      me.noPreempt--;
    }
  }

  /** The calling thread's model, arrived or not, without side effects; null if not managed. */
  private ManagedThread self() {
    ManagedThread holder = running; // the common case, without the ThreadLocal lookup
    if (holder != null && holder.thread == Thread.currentThread()) return holder;
    ManagedThread me = current.get();
    return me != null ? me : byThread.get(Thread.currentThread());
  }

  /** Reads the owner of {@code java.util.concurrent} locks for deadlock reports. */
  static final class LockOwners {
    private static final Method OWNER = ownerAccessor();

    private LockOwners() {}

    static Thread ownerOf(Object blocker) {
      if (OWNER == null || !(blocker instanceof AbstractOwnableSynchronizer)) return null;
      try {
        return (Thread) OWNER.invoke(blocker);
      } catch (ReflectiveOperationException e) {
        return null;
      }
    }

    private static Method ownerAccessor() {
      try {
        Method m = AbstractOwnableSynchronizer.class.getDeclaredMethod("getExclusiveOwnerThread");
        m.setAccessible(true);
        return m;
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null; // the agent could not open java.util.concurrent.locks: reports omit owners
      }
    }
  }
}
