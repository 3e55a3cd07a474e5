package dev.baton.scheduler;

import dev.baton.instrument.Site;
import dev.baton.instrument.Sites;
import dev.baton.runtime.Hooks;
import dev.baton.strategy.ReplayPolicy;
import dev.baton.strategy.SchedulePolicy;
import dev.baton.strategy.ThreadView;
import dev.baton.strategy.TransitionObserver;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one schedule: the core of the scheduler, which holds the baton, the thread model and the
 * turn, over one model per primitive.
 *
 * <p>Only the thread in {@link #running} executes user code. At each scheduling point it asks the
 * policy which of the {@link ReadyThreads} goes next, hands the baton over and parks until the
 * baton comes back. Whether a waiting thread may go on is the business of the models (which
 * {@link ReadyThreads#satisfied} asks): {@link Monitors} (monitors and
 * wait sets), {@link ParkPermits}, {@link ThreadLifecycle} (start, join, sleep, interrupts), the
 * {@link VirtualClock}, the {@link ScheduleValues} (seeded random numbers and identity hashes) and
 * the {@link PoolWorkers}; {@link Diagnosis} says why a schedule cannot go on; {@link HookAdapter}
 * is what the hooks call. Monitors exist only in the model (the real {@code monitorenter} is
 * skipped for managed threads), so a managed thread never blocks in the JVM on another one.
 *
 * <p>The model is mutated only by the baton holder. The exceptions are arrival and abort, which
 * happen while the holder is parked, and are published through volatile fields.
 */
final class Scheduler {
  /** The keys of a thread's pending operation, as the policies read them ({@link ThreadView}). */
  static final Object MONITOR_KEY = ThreadView.MONITOR_KEY;
  static final Object LIFE_KEY = ThreadView.LIFE_KEY;
  static final Object FIELD_KEY = ThreadView.FIELD_KEY;

  /** Steps a thread may run in a row while others could run, before it has to give way. */
  static final int FAIRNESS_BOUND = 1_000;

  private final SchedulePolicy policy;
  /** What each step touches goes here, for partial-order reduction; null for most policies. */
  final TransitionObserver observer;
  private final int maxSteps;
  private final long watchdogMillis;

  final HookAdapter hooks = new HookAdapter(this);
  final Monitors monitors = new Monitors(this);
  final ParkPermits permits = new ParkPermits(this);
  final ThreadLifecycle lifecycle = new ThreadLifecycle(this);
  final VirtualClock clock;
  final ScheduleValues values;
  final PoolWorkers workers = new PoolWorkers(this);
  /** Who can run at a scheduling point, and who could be woken early. */
  final ReadyThreads ready = new ReadyThreads(this);
  private final Diagnosis diagnosis;

  /** The calling thread's model, once it arrived. */
  final ThreadLocal<ManagedThread> current = new ThreadLocal<>();
  private final ConcurrentHashMap<Thread, ManagedThread> byThread = new ConcurrentHashMap<>();
  private final AtomicInteger live = new AtomicInteger();
  private final Arrivals arrivals;
  private final CountDownLatch finished = new CountDownLatch(1);
  final Trace trace = new Trace();
  /** Whether the threads still progress, for a verdict of non-termination before maxSteps. */
  final ProgressMonitor progress;
  /** Whether a long run recurses deeper, and how deep, for the fairness bound. */
  private final RecursionWatch recursion = new RecursionWatch();
  private final ThreadKinds kinds = new ThreadKinds();

  private volatile ManagedThread[] threads = new ManagedThread[0];
  private volatile ManagedThread running;
  volatile boolean aborted;
  private volatile Failure failure;

  private int[] choices = new int[64];
  private int choiceCount;
  private int steps;

  /** Set when this schedule runs beside others ({@link ParallelExplorer}); null alone. */
  HookDispatch dispatch;

  Scheduler(SchedulePolicy policy, ExplorationSettings settings, long valueSeed) {
    this.policy = policy;
    this.observer = policy.observer();
    this.maxSteps = settings.maxSteps();
    this.progress = new ProgressMonitor(maxSteps);
    this.watchdogMillis = Debugger.watchdogMillis(
        settings.watchdogMillis(), settings.replayToken() != null);
    this.clock = new VirtualClock(
        this, TimeUnit.MILLISECONDS.toNanos(settings.maxPauseMillis()), settings.spuriousWakeups());
    this.values = new ScheduleValues(this, valueSeed);
    this.diagnosis = new Diagnosis(this, maxSteps, watchdogMillis);
    this.arrivals = new Arrivals(this, diagnosis, watchdogMillis);
  }

  // ---- running a schedule -------------------------------------------------------------------

  /** Runs {@code body} on {@code main} as managed thread 0; returns when every thread has ended. */
  void run(ScheduleBody body, MainThread main) throws InterruptedException {
    if (dispatch == null) Hooks.install(hooks); // beside others, the dispatch is installed
    try {
      main.execute(() -> runMain(body), Thread.currentThread().getContextClassLoader());
      diagnosis.watch(finished);
    } finally {
      if (dispatch == null) Hooks.install(null);
      else dispatch.release(this);
    }
    workers.shutdown(); // its workers were released, parked
    main.scheduleEnded(threads, PoolWorkers.awaitReleasedWorkersIdle(threads));
  }

  private void runMain(ScheduleBody body) {
    ManagedThread me = register(Thread.currentThread());
    arrivals.arrivedFirst(me);
    current.set(me);
    running = me;
    try {
      body.run();
    } catch (Throwable t) {
      if (!(t instanceof BatonAbort)) lifecycle.threadFailed(me, t);
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

  /** The model of {@code thread}, or null when it is no thread of this schedule. */
  ManagedThread managed(Thread thread) {
    return byThread.get(thread);
  }

  /** What may have made a replay of this schedule diverge (see {@link ScheduleValues}). */
  String likelyCauses() {
    return values.likelyCauses();
  }

  static String location(int site) {
    return Diagnosis.location(site);
  }

  /** The thread that holds the baton. */
  ManagedThread running() {
    return running;
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

  /** Makes {@code thread} a thread of this schedule (started by, or adopted into, it). */
  ManagedThread register(Thread thread) {
    return register(thread, false);
  }

  /**
   * Makes {@code thread} a thread of this schedule. {@code onItsWay}: it was just started and its
   * first instruction is a hook, so it is in the model at once, waiting for the baton there, and
   * no decision waits for it to reach that hook (see {@link ManagedThread#onItsWay}).
   */
  ManagedThread register(Thread thread, boolean onItsWay) {
    ManagedThread[] old = threads;
    ManagedThread t = new ManagedThread(old.length, thread);
    t.kind = kinds.of(thread);
    // Only the reduction reads it, and telling it walks the starter's stack at every start.
    t.runByTheJdk = observer != null && ThreadBodies.runByTheJdk(thread);
    t.onItsWay = onItsWay;
    t.arrived = onItsWay;
    ManagedThread[] grown = Arrays.copyOf(old, old.length + 1);
    grown[old.length] = t;
    threads = grown;
    byThread.put(thread, t);
    if (dispatch != null) dispatch.own(thread, this);
    live.incrementAndGet();
    arrivals.expect(t);
    return t;
  }

  // ---- entering and leaving hooks ------------------------------------------------------------

  /**
   * The managed thread calling a hook at {@code site} (-1: none), now marked as inside the
   * scheduler; or null when the caller is not managed or already inside the scheduler (its own
   * parking must stay real). A thread arriving at its first hook says where it is.
   */
  ManagedThread enter(int site) {
    ManagedThread holder = running;
    ManagedThread me =
        holder != null && holder.thread == Thread.currentThread() ? holder : current.get();
    if (me == null) {
      me = byThread.get(Thread.currentThread());
      if (me == null) return null;
      if (me.arrived && !me.onItsWay) {
        // Its thread-locals were erased (ForkJoinPool workers clear them after every task).
        current.set(me);
      } else if (!me.arrived) {
        // Inside a class initialiser it must not wait for the baton: the thread holding it may
        // need that class, and the JVM would block it until this initialiser ends. It runs on,
        // its hooks inert, and arrives at its first hook after the initialiser.
        if (me.inClassInit > 0) return null;
        arrivals.arrive(me, site);
      }
    }
    // Handed the baton before it got here, or not: it takes the baton at once, or waits for it.
    if (me.onItsWay) arrivals.reachFirstHook(me);
    if (me.inRuntime > 0 || me.terminated) return null;
    me.inRuntime++;
    return me;
  }

  // ---- the baton ----------------------------------------------------------------------------

  /**
   * Adds a step of {@code me} to the trace, unless it is inside a class initialiser: a class is
   * initialised in the first schedule that uses it only (the others, and a replay, may or may not
   * run it), so its steps must not shift the trace.
   */
  void record(ManagedThread me, int site, int kind, Object object) {
    if (me.inClassInit == 0 && !jdkStepAlone(site)) trace.add(me.id, site, kind, object);
  }

  /**
   * A step in the JDK's own code while no other thread of the schedule is alive (a test
   * framework's bookkeeping in synchronized collections, before the test starts its threads):
   * it can interleave with nothing, so the trace leaves it out. The user's own steps stay, and so
   * does every step once a second thread lives.
   */
  /** Threads whose end the model has recorded (see {@link #endRecorded}). */
  private int endsRecorded;

  /** The model records {@code t}'s end; called in the schedule's order, by the baton's holder. */
  void endRecorded(ManagedThread t) {
    if (t.endRecorded) return;
    t.endRecorded = true;
    endsRecorded++;
  }

  private boolean jdkStepAlone(int site) {
    // Counted in the model's order (not by threads ending on their own), so a replay hides the same.
    if (site < 0 || threads.length - endsRecorded != 1) return false;
    Site at = Sites.get(site);
    return at != null && OutsideControl.isJdk(at.className());
  }

  /** A scheduling point: maybe hand the baton to another thread, then record the step. */
  void point(ManagedThread me, int site, int kind, Object object) {
    turn(me, site, false);
    record(me, site, kind, object);
  }

  /**
   * A scheduling point where {@code me} may block (park, wait, join, sleep): the step is recorded
   * when it starts, so that what happens while it waits, and what wakes it, come after it.
   */
  void blockingPoint(ManagedThread me, int site, int kind, Object object) {
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
  void turn(ManagedThread me, int site, boolean yielding) {
    if (aborted) {
      // Never unwind a class initialiser (the class would be lost), nor a thread let go.
      if (me.inClassInit > 0 || me.released) return;
      throw new BatonAbort();
    }
    // Inside a class initialiser nothing counts (see record): no step, no time, no switch.
    if (me.inClassInit > 0 && ready.satisfied(me)) {
      observePending(me);
      return;
    }
    if (site >= 0) {
      me.lastSite = site;
      me.lastSiteClock = clock.now;
    }
    me.nextSite = site;
    if (++steps > maxSteps) {
      fail(diagnosis.nonTermination(me, false));
      throw new BatonAbort();
    }
    if (progress.step(me, site, steps) && progress.nobodyElseCanProgress(me, threads,
        t -> !t.timed && !ready.satisfied(t))) {
      fail(diagnosis.nonTermination(me, true));
      throw new BatonAbort();
    }
    clock.now += yielding ? VirtualClock.YIELD_NANOS : VirtualClock.STEP_NANOS;
    if (me.noPreempt > 0 && ready.satisfied(me)) {
      observePending(me);
      return;
    }
    if (me.runLength == FAIRNESS_BOUND / 2) recursion.mark(me);
    Failure runaway = me.runLength >= FAIRNESS_BOUND ? recursion.check(me, me.runLength) : null;
    if (runaway != null) {
      fail(runaway);
      throw new BatonAbort();
    }
    // A thread recursing deeper is not spinning: it keeps the baton unless the strategy switches.
    boolean giveWay = yielding || me.runLength >= FAIRNESS_BOUND && !recursion.deepening(me);
    ManagedThread next = pickNext(me, giveWay);
    if (next != me) {
      trace.markSwitch(me.id, !ready.satisfied(me) ? Trace.BLOCKED : giveWay ? Trace.YIELDED : Trace.PREEMPTED);
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

  /** Parks {@code me} until it holds the baton; takes up an interrupt that came meanwhile. */
  void awaitBaton(ManagedThread me) {
    boolean interrupted = false;
    try {
      while (true) {
        if (aborted) {
          if (me.inClassInit > 0 || me.released) return;
          throw new BatonAbort();
        }
        if (running == me) {
          lifecycle.awaitJvmEnd(me);
          return;
        }
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
   * Who runs next; fails the schedule (and throws {@link BatonAbort}) when nobody can. With {@code
   * giveWay}, {@code me} is not a candidate unless nobody else can run.
   */
  private ManagedThread pickNext(ManagedThread me, boolean giveWay) {
    arrivals.await(me);
    clock.atChoice(me);
    int n = ready.collectEnabled();
    if (giveWay && n > 1) n = ready.without(me, n);
    if (n == 0) n = ready.advanceToEarliestDeadline();
    if (n == 0) {
      fail(diagnosis.blocked());
      throw new BatonAbort();
    }
    int wakeable = ready.collectWakeable(n);
    ManagedThread[] options = ready.options;
    if (n + wakeable == 1) {
      if (observer != null) observer.transition(options[0], false);
      return options[0];
    }
    int i;
    try {
      i = policy.pickThread(options, n, wakeable, me, steps);
    } catch (ReplayPolicy.Divergence d) {
      fail(diagnosis.diverged(d));
      throw new BatonAbort();
    }
    recordChoice(options[i].id);
    if (observer != null) observer.transition(options[i], true);
    if (i >= n) clock.wakeEarly(options[i]);
    return options[i];
  }

  /** Which of the {@code candidates} waiting on a monitor a {@code notify} wakes: a decision. */
  int pickWaiter(ManagedThread[] candidates) {
    int i;
    try {
      i = policy.pickWaiter(candidates, candidates.length);
    } catch (ReplayPolicy.Divergence d) {
      fail(diagnosis.diverged(d));
      throw new BatonAbort();
    }
    recordChoice(candidates[i].id);
    return i;
  }

  private void recordChoice(int threadId) {
    if (choiceCount == choices.length) choices = Arrays.copyOf(choices, choiceCount * 2);
    choices[choiceCount++] = threadId;
  }

  void block(ManagedThread me, ManagedThread.Wait wait, Object target, long millis, int nanos) {
    me.wait = wait;
    me.waitTarget = target;
    long timeout = TimeUnit.MILLISECONDS.toNanos(millis) + nanos; // toNanos saturates
    if (timeout < 0 || timeout >= Long.MAX_VALUE - clock.now) {
      timeout = 0; // "forever" (Long.MAX_VALUE and the like) is no deadline at all
      millis = 0;
      nanos = 0;
    }
    me.timed = millis > 0 || nanos > 0;
    me.timeout = timeout;
    me.deadline = me.timed ? clock.now + timeout : Long.MAX_VALUE;
  }

  static void pending(ManagedThread me, Object object, Object key, int index, boolean write) {
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
    endRecorded(me);
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
      lifecycle.ended(me);
      running = next;
      LockSupport.unpark(next.thread);
    } catch (BatonAbort expected) {
      // nobody can run: pickNext recorded the failure and woke everyone to unwind
    }
  }

  /** Whether the scenario's main thread has finished and every thread still alive is a daemon. */
  private boolean onlyDaemonsLeft() {
    ManagedThread[] all = threads;
    if (!all[0].terminated) return false;
    for (ManagedThread t : all) {
      // An adopted thread is not the scenario's: the JVM would not wait for it either.
      if (!t.terminated && !t.thread.isDaemon() && !t.adopted) return false;
    }
    return true;
  }

  /** Records the first failure and wakes every thread so that it unwinds. */
  void fail(Failure f) {
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
        // Every thread to let go is marked before any is woken: one that wakes early (a thread
        // unwinding through the JDK cancels a task and signals a pool's worker) must not see an
        // abort without its release, or it unwinds out of the JDK's wait and its pool loses it.
        for (ManagedThread t : threads) {
          if (t.thread != Thread.currentThread() && PoolWorkers.releasable(t)) t.released = true;
        }
        aborted = true;
      }
      trace.freeze();
      for (ManagedThread t : threads) {
        if (t.thread == Thread.currentThread()) continue;
        if (t.released && !t.terminated) {
          if (t.handlerBeforeAdoption != null) {
            t.thread.setUncaughtExceptionHandler(t.handlerBeforeAdoption);
          }
          t.terminated = true;
          endRecorded(t);
          if (live.decrementAndGet() == 0) finished.countDown();
        }
        LockSupport.unpark(t.thread);
      }
    } finally {
      if (me != null) me.inRuntime--;
    }
  }

  // ---- hooks the core answers itself ---------------------------------------------------------

  /** The calling thread ends (see {@link dev.baton.runtime.HookDelegate#threadExit}). */
  void threadExit() {
    ManagedThread me = current.get();
    if (me == null) me = byThread.get(Thread.currentThread());
    if (me == null) return;
    if (!me.arrived) {
      // It ran to its end before reaching any hook, beside its starter: the starter records its
      // end at its next decision. Publish `terminated` before `arrived`.
      me.inRuntime++;
      arrivals.endedBeforeAnyHook(me);
      if (live.decrementAndGet() == 0) finished.countDown();
      ManagedThread starter = running;
      if (starter != null) LockSupport.unpark(starter.thread);
      return;
    }
    if (me.terminated || me.inRuntime > 0) return;
    if (me.onItsWay) {
      // It ends without having run its body (a thread stopped before it ran): it ends in its turn.
      try {
        arrivals.reachFirstHook(me);
      } catch (BatonAbort aborted) {
        // the schedule ended meanwhile: finish only counts it out
      }
    }
    me.inRuntime++;
    finish(me);
  }

  /** The calling thread's model, arrived or not, without side effects; null if not managed. */
  ManagedThread self() {
    ManagedThread holder = running; // the common case, without the ThreadLocal lookup
    if (holder != null && holder.thread == Thread.currentThread()) return holder;
    ManagedThread me = current.get();
    return me != null ? me : byThread.get(Thread.currentThread());
  }
}
