package dev.baton.scheduler;

import java.util.Arrays;

/**
 * Who can run at a scheduling point: the threads whose wait is over (their monitor is free, their
 * notification, permit, deadline or interrupt came), and the waiting ones the virtual clock could
 * wake early. They are collected into one array, reused at every step, that the policy chooses
 * from: the enabled threads first, sorted by id, then the wakeable ones.
 */
final class ReadyThreads {
  private final Scheduler s;
  /** The options of the current choice (grown, never shrunk). */
  ManagedThread[] options = new ManagedThread[8];

  ReadyThreads(Scheduler s) {
    this.s = s;
  }

  /** Collects the threads that can run into {@link #options}, by id; returns how many. */
  int collectEnabled() {
    ManagedThread[] all = s.threads();
    if (options.length < all.length) options = new ManagedThread[all.length * 2];
    int n = 0;
    for (ManagedThread t : all) {
      if (t.arrived && !t.terminated && satisfied(t)) options[n++] = t;
    }
    return n;
  }

  /** Takes {@code me} out of the {@code n} enabled options (it gives way); returns the rest. */
  int without(ManagedThread me, int n) {
    for (int i = 0; i < n; i++) {
      if (options[i] == me) {
        System.arraycopy(options, i + 1, options, i, n - i - 1);
        return n - 1;
      }
    }
    return n;
  }

  /**
   * Appends to the {@code n} enabled options the waiting threads that could be woken early: a
   * timed wait shorter than the pause budget whose deadline the remaining budget reaches (the
   * running threads pause, as in a long GC, and the deadline fires first), and, when enabled, any
   * {@code wait} or {@code park} (a spurious wakeup), unless another thread has not yet taken a
   * step since the last one (see {@link VirtualClock}). Returns how many it appended.
   */
  int collectWakeable(int n) {
    if (s.clock.neverWakesEarly()) return 0;
    ManagedThread[] all = s.threads();
    int k = n;
    for (ManagedThread t : all) {
      if (!t.arrived || t.terminated || t.wait == ManagedThread.Wait.NONE || satisfied(t)) continue;
      if (s.clock.canWakeEarly(t)) {
        if (k == options.length) options = Arrays.copyOf(options, k * 2);
        options[k++] = t;
      }
    }
    return k - n;
  }

  /**
   * Nothing can run: the virtual clock jumps to the earliest deadline, timing that wait out, and on
   * to the next while that frees nobody (a {@code wait(ms)} that times out while another thread
   * holds its monitor and sleeps).
   */
  int advanceToEarliestDeadline() {
    int n = 0;
    while (n == 0 && s.clock.advanceToEarliestDeadline(s.threads())) n = collectEnabled();
    for (int i = 0; i < n; i++) {
      s.trace.add(options[i].id, options[i].lastSite, Trace.TIMEOUT, null);
    }
    return n;
  }

  /** Whether {@code t}'s wait is over: it would go on if it got the baton. */
  boolean satisfied(ManagedThread t) {
    boolean expired = t.timed && s.clock.now >= t.deadline;
    switch (t.wait) {
      case NONE:
        return true;
      case MONITOR:
        return s.monitors.freeFor(t);
      case WAIT:
        return wokenFromWait(t) && s.monitors.freeFor(t);
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

  /**
   * Whether {@code t}, in {@code Object.wait}, has been woken (notified, timed out, woken
   * spuriously or interrupted): all it waits for now is to take its monitor back.
   */
  boolean wokenFromWait(ManagedThread t) {
    return t.notified || (t.timed && s.clock.now >= t.deadline) || t.woken || interrupted(t);
  }

  /**
   * Whether {@code t} is interrupted in the model. While it waits for the baton, {@code t} moves
   * its real status into {@link ManagedThread#interruptStash} (stash, then clear) and back (set,
   * then unstash), concurrently with this read: reading the stash both before and after the real
   * status sees one of them whichever way it is moving.
   */
  static boolean interrupted(ManagedThread t) {
    return t.interruptPending || t.interruptStash || t.thread.isInterrupted() || t.interruptStash;
  }
}
