package dev.baton.scheduler;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * How started threads join the model. A thread arrives at its first hook, or at its start when its
 * body begins with one ({@link ManagedThread#onItsWay}); until then it runs beside the baton holder,
 * on its own. Every decision first waits until each thread started so far has arrived or ended
 * ({@link #await}), so that the set of threads a decision sees never depends on OS timing.
 */
final class Arrivals {
  private final Scheduler s;
  private final Diagnosis diagnosis;
  private final long watchdogMillis;
  /** Threads started, not arrived yet, and not on their way. */
  private final AtomicInteger notArrived = new AtomicInteger();
  /** Threads that ran to their end before any hook, whose end the trace does not show yet. */
  private final AtomicInteger unrecordedEnds = new AtomicInteger();

  Arrivals(Scheduler s, Diagnosis diagnosis, long watchdogMillis) {
    this.s = s;
    this.diagnosis = diagnosis;
    this.watchdogMillis = watchdogMillis;
  }

  /** {@code t} was just registered: unless it is on its way, decisions wait for its arrival. */
  void expect(ManagedThread t) {
    if (!t.onItsWay) notArrived.incrementAndGet();
  }

  /** The schedule's main thread, registered by itself: it has arrived. */
  void arrivedFirst(ManagedThread main) {
    main.arrived = true;
    notArrived.decrementAndGet();
  }

  /** A started thread reached its first hook: tell its starter, then wait for the baton. */
  void arrive(ManagedThread me, int site) {
    s.current.set(me);
    me.nextSite = site;
    me.inRuntime++;
    try {
      me.arrived = true;
      notArrived.decrementAndGet();
      ManagedThread starter = s.running();
      if (starter != null) LockSupport.unpark(starter.thread);
      s.awaitBaton(me);
    } finally {
      me.inRuntime--;
    }
  }

  /**
   * A thread {@linkplain ManagedThread#onItsWay on its way} reached its first hook, where the model
   * has had it waiting since its start: it waits for the baton (nobody waits for it to get here),
   * and takes up what happened to it meanwhile (an interrupt) as any thread given the baton does.
   */
  void reachFirstHook(ManagedThread me) {
    s.current.set(me);
    me.inRuntime++;
    try {
      me.onItsWay = false;
      s.awaitBaton(me);
    } finally {
      me.inRuntime--;
    }
  }

  /**
   * {@code me} ran to its end before reaching any hook, beside its starter: the starter records
   * its end at its next decision. Publishes {@code terminated} before {@code arrived}.
   */
  void endedBeforeAnyHook(ManagedThread me) {
    me.terminated = true;
    unrecordedEnds.incrementAndGet();
    me.arrived = true;
    notArrived.decrementAndGet();
  }

  /**
   * Waits until every thread started so far has reached its first hook (or ended), so that every
   * decision sees the same set of threads in every run. A started thread runs on its own until
   * then; one that never gets there is outside Baton's control and fails the schedule.
   */
  void await(ManagedThread me) {
    if (notArrived.get() == 0 && unrecordedEnds.get() == 0) return;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(watchdogMillis);
    boolean interrupted = false;
    try {
      for (ManagedThread t : s.threads()) {
        while (!t.arrived) {
          if (s.aborted) throw new BatonAbort();
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            s.fail(diagnosis.neverArrived(t));
            throw new BatonAbort();
          }
          LockSupport.parkNanos(s, left);
          if (Thread.interrupted()) interrupted = true;
        }
        if (t.terminated && !t.endRecorded) {
          // It ran to its end before reaching any hook; its end is recorded here, in id order,
          // whether it ended before this decision or while it waited.
          s.endRecorded(t);
          unrecordedEnds.decrementAndGet();
          s.trace.add(t.id, -1, Trace.END, null);
        }
      }
    } finally {
      if (interrupted) Interrupts.raise(me.thread);
    }
  }
}
