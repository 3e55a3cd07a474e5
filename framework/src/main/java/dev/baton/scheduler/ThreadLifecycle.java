package dev.baton.scheduler;

import dev.baton.InterleavingFailure.Kind;
import java.util.List;

/**
 * The model of thread life in a schedule: start, join, sleep and interrupts, and the exceptions
 * that escape a thread. (Arrival at the first hook and the end of a thread belong to the core,
 * which hands the baton on.)
 */
final class ThreadLifecycle {
  private final Scheduler s;

  /** The thread that ended last and passed the baton on, until the next thread waits for it. */
  private volatile ManagedThread endedThread;

  ThreadLifecycle(Scheduler s) {
    this.s = s;
  }

  /** {@code Thread.join}; false joins for real (not a thread of this schedule). */
  boolean join(ManagedThread me, Thread thread, long millis, int nanos, int site)
      throws InterruptedException {
    ManagedThread target = s.managed(thread);
    if (target == null) return false; // not a thread of this schedule: a real join
    if (Thread.interrupted()) throw new InterruptedException();
    boolean untimed = millis == 0 && nanos == 0;
    Scheduler.pending(me, untimed ? target : null, untimed ? Scheduler.LIFE_KEY : null, 0, false);
    if (!target.terminated) s.block(me, ManagedThread.Wait.JOIN, target, millis, nanos);
    try {
      s.blockingPoint(me, site, Trace.SITE, target);
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
  }

  /** {@code t} has ended in the model and passes the baton on; its JVM thread is about to exit. */
  void ended(ManagedThread t) {
    // The schedule's main thread goes on in Baton's own code after its end: nobody waits for it.
    if (t.id != 0) endedThread = t;
  }

  /**
   * Before {@code me} runs on, the thread that ended last (if any) has ended in the JVM too, so
   * that {@code Thread.isAlive()} agrees with the model: a thread the trace shows ended is not
   * alive. Without this, the JVM thread could still be unwinding when the next thread asks.
   */
  void awaitJvmEnd(ManagedThread me) {
    ManagedThread t = endedThread;
    if (t == null || t == me) return;
    endedThread = null;
    try {
      t.thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the status stays as it was: join only looked at it
    }
  }

  /** {@code Thread.sleep}: asleep until the virtual clock reaches the deadline, or an interrupt. */
  boolean sleep(ManagedThread me, long millis, int nanos, int site) throws InterruptedException {
    if (Thread.interrupted()) throw new InterruptedException("sleep interrupted");
    Scheduler.pending(me, null, null, 0, false);
    if (millis == 0 && nanos == 0) {
      s.turn(me, site, true);
      s.record(me, site, Trace.SITE, 0L);
    } else {
      // Asleep until the virtual clock reaches the deadline, or an interrupt.
      s.block(me, ManagedThread.Wait.SLEEP, null, millis, nanos);
      try {
        s.blockingPoint(me, site, Trace.SITE, me.timed ? me.timeout : -1L);
      } finally {
        me.clearWait();
      }
    }
    if (Thread.interrupted()) throw new InterruptedException("sleep interrupted");
    return true;
  }

  /** {@code Thread.isInterrupted} of a managed thread as the model sees it; -1 asks the JVM. */
  int isInterrupted(Thread thread) {
    ManagedThread target = s.managed(thread);
    if (target == null) return -1;
    // A parked thread sets its interrupt status aside while it waits for the baton.
    return ReadyThreads.interrupted(target) ? 1 : 0;
  }

  /**
   * {@code Thread.getState} of a managed thread as the model sees it, never as far as its OS
   * thread got: a thread that waits for the baton, or is on its way to its first hook, is
   * RUNNABLE; one blocked in the model is BLOCKED (a monitor) or (TIMED_)WAITING; one that ended
   * in the model is TERMINATED. A thread woken out of {@code Object.wait} is BLOCKED, as the
   * JVM's is: it waits only to re-enter the monitor. Null asks the JVM: not managed, or running
   * code of its own before it arrives.
   */
  Thread.State threadState(Thread thread) {
    ManagedThread t = s.managed(thread);
    if (t == null) return null;
    if (t.terminated) return Thread.State.TERMINATED;
    if (!t.arrived) return null;
    return switch (t.wait) {
      case NONE -> Thread.State.RUNNABLE;
      case MONITOR -> Thread.State.BLOCKED;
      // Woken, it stays in WAIT until it runs: what is left is to take the monitor back.
      case WAIT -> s.ready.wokenFromWait(t) ? Thread.State.BLOCKED : waiting(t);
      case JOIN, PARK, SLEEP -> waiting(t);
    };
  }

  private static Thread.State waiting(ManagedThread t) {
    return t.timed ? Thread.State.TIMED_WAITING : Thread.State.WAITING;
  }

  /** {@code Thread.interrupt}: a scheduling point; the model learns of it at once. */
  boolean interrupt(ManagedThread me, Thread thread, int site) {
    ManagedThread target = s.managed(thread);
    Scheduler.pending(me, target, null, 0, true);
    s.point(me, site, Trace.SITE, target);
    // The model learns of it at once, whatever the target's thread is doing in the JVM.
    if (target != null && target != me && !target.terminated) target.interruptPending = true;
    thread.interrupt();
    return true;
  }

  /** {@code me} starts {@code thread}: it becomes a thread of this schedule. */
  void threadStarting(ManagedThread me, Thread thread) {
    if (thread.getState() != Thread.State.NEW || s.isManaged(thread)) return;
    if (PoolWorkers.isCarrier(thread)) return;
    if (s.aborted) {
      // A ForkJoinPool replacing a worker must not fail half-way (it would miscount its
      // workers): that thread starts outside the schedule. Any other start fails cleanly,
      // as a ThreadPoolExecutor's replacement of a worker that unwound, which would else live
      // on, parked for ever.
      if (thread instanceof java.util.concurrent.ForkJoinWorkerThread) return;
      throw new BatonAbort();
    }
    // The start is no step of partial-order reduction's: the child cannot run before it anyway.
    ManagedThread child = s.register(thread, ThreadBodies.startsAtAHook(thread));
    reportUncaughtExceptions(child);
    s.record(me, -1, Trace.START, child);
  }

  /** Makes an exception that escapes {@code child} fail the schedule, unless the user handles it. */
  void reportUncaughtExceptions(ManagedThread child) {
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

  /** An exception escaped {@code me}: the schedule fails with it. */
  void threadFailed(ManagedThread me, Throwable t) {
    if (t instanceof StackOverflowError) {
      String cycle = Stacks.recursion(Stacks.ofUser(t.getStackTrace()));
      s.fail(new Failure(Kind.RECURSION,
          "stack overflow in " + me.displayName()
              + (cycle.isEmpty() ? "" : ": endless recursion through " + cycle),
          t, List.of(), ""));
      return;
    }
    s.fail(new Failure(Kind.EXCEPTION, t + " (thrown in " + me.displayName() + ")", t, List.of(), ""));
  }
}
