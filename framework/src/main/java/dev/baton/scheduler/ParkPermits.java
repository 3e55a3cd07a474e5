package dev.baton.scheduler;

import java.util.concurrent.locks.LockSupport;

/**
 * The model of {@code LockSupport.park}/{@code unpark}: each managed thread's permit, and parking
 * as a wait that the permit, a timeout, an interrupt or a spurious wakeup ends. Everything in
 * {@code java.util.concurrent} that blocks parks, so this model makes locks, latches, queues and
 * futures controllable.
 */
final class ParkPermits {
  private final Scheduler s;

  ParkPermits(Scheduler s) {
    this.s = s;
  }

  /** {@code park}: waits in the model until the permit comes; false parks for real. */
  boolean park(ManagedThread me, Object blocker, boolean timed, long nanos) {
    Scheduler.pending(me, null, null, 0, false);
    me.parkBlocker = blocker != null ? blocker : LockSupport.getBlocker(me.thread);
    if (timed) {
      s.block(me, ManagedThread.Wait.PARK, blocker, nanos / 1_000_000, (int) (nanos % 1_000_000));
    } else {
      s.block(me, ManagedThread.Wait.PARK, blocker, 0, 0);
    }
    try {
      // Not a site of the program's: the wait is timed from the call that led here.
      s.record(me, me.lastSite, Trace.PARK, blocker);
      s.turn(me, -1, false);
    } finally {
      me.clearWait();
    }
    // Released at the end of the schedule while parked: park for real, outside it.
    if (me.released) return false;
    me.parkPermit = false;
    return true;
  }

  /** {@code unpark} by managed {@code me}: gives the permit, or adopts a pool worker it wakes. */
  boolean unpark(ManagedThread me, Thread thread) {
    ManagedThread target = thread == null ? null : s.managed(thread);
    if (target == null) {
      s.workers.adopt(me, thread);
      return false;
    }
    target.parkPermit = true;
    if (s.observer != null) s.observer.global();
    // Not arrived yet (running a class initialiser outside the model): it parks for real.
    if (!target.arrived) return false;
    if (!s.aborted) s.record(me, me.lastSite, Trace.UNPARK, target);
    return true;
  }

  /**
   * An unpark from outside the model (a JDK thread, or a thread in a class initialiser): the model
   * must see the permit too. Not the scheduler's own hand-over of the baton, which unparks from
   * inside the runtime: that must not leave a permit for the user's next park.
   */
  void unparkFromOutside(Thread thread) {
    ManagedThread caller = s.self();
    ManagedThread target = thread == null ? null : s.managed(thread);
    if (target != null && (caller == null || caller.inRuntime == 0)) target.parkPermit = true;
  }
}
