package dev.baton.scheduler;

import java.util.IdentityHashMap;
import java.util.List;

/**
 * The model of monitors and their wait sets: who owns each monitor, how often, and who waits on
 * it. The real {@code monitorenter} is skipped for managed threads, so only this model decides
 * who may enter; {@code wait} and {@code notify} act on the wait sets kept here.
 */
final class Monitors {
  private final Scheduler s;
  private final IdentityHashMap<Object, MonitorState> monitors = new IdentityHashMap<>();

  Monitors(Scheduler s) {
    this.s = s;
  }

  /** {@code monitorenter}: taken in the model, then recorded (a negative site records nothing). */
  boolean enter(ManagedThread me, Object monitor, int site) {
    lockModel(me, monitor, site);
    if (site >= 0) s.record(me, site, Trace.SITE, monitor);
    return true;
  }

  /** Takes {@code monitor} in the model: a scheduling point, blocked while another thread owns it. */
  void lockModel(ManagedThread me, Object monitor, int site) {
    if (s.aborted) throw new BatonAbort(); // unwinding threads run concurrently: leave the model
    MonitorState m = monitors.computeIfAbsent(monitor, k -> new MonitorState());
    Scheduler.pending(me, monitor, Scheduler.MONITOR_KEY, 0, true);
    // Blocked whenever another thread owns it, re-checked at every decision until we run.
    s.block(me, ManagedThread.Wait.MONITOR, monitor, 0, 0);
    try {
      s.turn(me, site, false);
    } finally {
      me.clearWait();
    }
    m.owner = me;
    m.count++;
  }

  /** {@code monitorexit}; false lets the real one run (and report a misuse). */
  boolean exit(ManagedThread me, Object monitor, int site) {
    MonitorState m = monitors.get(monitor);
    if (m == null || m.owner != me) {
      // Unwinding an aborted schedule (say, out of a wait() that gave the monitor up): the real
      // monitorexit would throw, and javac's handler, which covers itself, would retry forever.
      // Otherwise the real monitorexit reports the misuse.
      return s.aborted;
    }
    if (--m.count == 0) m.owner = null;
    if (s.observer != null) s.observer.access(monitor, Scheduler.MONITOR_KEY, 0, true);
    if (!s.aborted) s.record(me, site, Trace.SITE, monitor);
    return true;
  }

  /** {@code Object.wait}: gives the monitor up, waits in its wait set, takes it back. */
  boolean await(ManagedThread me, Object monitor, long millis, int nanos, int site)
      throws InterruptedException {
    MonitorState m = monitors.get(monitor);
    if (m == null || m.owner != me) return false; // the real wait throws IllegalMonitorStateException
    if (Thread.interrupted()) throw new InterruptedException();
    int saved = m.count;
    m.owner = null;
    m.count = 0;
    m.waitSet.add(me);
    me.notified = false;
    Scheduler.pending(me, monitor, Scheduler.MONITOR_KEY, 0, true);
    s.block(me, ManagedThread.Wait.WAIT, monitor, millis, nanos);
    try {
      s.blockingPoint(me, site, Trace.SITE, monitor);
    } finally {
      me.clearWait();
      m.waitSet.remove(me);
    }
    if (m.owner != null) {
      s.block(me, ManagedThread.Wait.MONITOR, monitor, 0, 0);
      try {
        s.turn(me, site, false);
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
  }

  /** {@code notify}/{@code notifyAll}: which waiter a {@code notify} wakes is a decision. */
  boolean notify(ManagedThread me, Object monitor, boolean all, int site) {
    MonitorState m = monitors.get(monitor);
    if (m == null || m.owner != me) return false; // the real notify throws IllegalMonitorStateException
    if (s.aborted) throw new BatonAbort();
    s.record(me, site, Trace.SITE, monitor);
    if (s.observer != null) s.observer.access(monitor, Scheduler.MONITOR_KEY, 0, true);
    List<ManagedThread> waiters = m.waitSet;
    if (all) {
      for (ManagedThread w : waiters) w.notified = true;
      waiters.clear();
    } else if (!waiters.isEmpty()) {
      int i = 0;
      if (waiters.size() > 1) {
        ManagedThread[] candidates = waiters.toArray(new ManagedThread[0]);
        i = s.pickWaiter(candidates);
      }
      waiters.remove(i).notified = true;
    }
    return true;
  }

  /** {@code Thread.holdsLock}: 1 when {@code me} owns {@code monitor} in the model, else 0. */
  int holds(ManagedThread me, Object monitor) {
    MonitorState m = monitors.get(monitor);
    return m != null && m.owner == me ? 1 : 0;
  }

  /** The JDK is about to lock {@code monitor} for real in an atomic call: take it in the model. */
  void atomicEnter(ManagedThread me, Object monitor) {
    lockModel(me, monitor, me.lastSite);
    me.pushCall(monitor, false);
  }

  /** The atomic call of {@code me} that took {@code monitor} (or null) returns. */
  void atomicExit(ManagedThread me, Object monitor) {
    if (monitor != null) {
      MonitorState m = monitors.get(monitor);
      if (m != null && m.owner == me && --m.count == 0) m.owner = null;
      if (s.observer != null) s.observer.access(monitor, Scheduler.MONITOR_KEY, 0, true);
    }
  }

  /** Whether the monitor {@code t} waits for is free, or its own. */
  boolean freeFor(ManagedThread t) {
    MonitorState m = monitors.get(t.waitTarget);
    return m == null || m.owner == null || m.owner == t;
  }

  /** The owner of {@code monitor}, or null. */
  ManagedThread ownerOf(Object monitor) {
    MonitorState m = monitors.get(monitor);
    return m == null ? null : m.owner;
  }
}
