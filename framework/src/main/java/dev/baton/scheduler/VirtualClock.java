package dev.baton.scheduler;

import dev.baton.runtime.Hooks;

/**
 * The virtual clock of one schedule: what {@code System.nanoTime()} and the wall clocks read, how
 * far time moves at each scheduling point, and the pauses that let a timed wait's deadline fire
 * while others could still run (as a long GC pause would). Whether a timed wait times out is
 * thus a scheduling decision, the same in every run of the schedule.
 */
final class VirtualClock {
  /** What {@code System.nanoTime()} says when a schedule starts: the same in every run. */
  static final long BASE_NANOS = 1L << 40;

  /** What {@code System.currentTimeMillis()} says when a schedule starts: 2026-01-01T00:00Z. */
  static final long BASE_MILLIS = 1_767_225_600_000L;

  /** How far the virtual clock moves at every scheduling point, and at a yield or spin wait. */
  static final long STEP_NANOS = 1_000;

  static final long YIELD_NANOS = 1_000_000;

  private final Scheduler s;
  private final long maxPauseNanos;
  private final boolean spuriousWakeups;

  /** Virtual time since the schedule started, in nanoseconds. */
  long now;

  /** Virtual time the running threads were paused so that deadlines could fire, in nanoseconds. */
  private long paused;

  /** The thread last woken spuriously in this schedule, or null. */
  private ManagedThread wokenSpuriously;

  /** Whether a thread other than {@link #wokenSpuriously} has held the baton at a choice since. */
  private boolean othersRanSince = true;

  VirtualClock(Scheduler s, long maxPauseNanos, boolean spuriousWakeups) {
    this.s = s;
    this.maxPauseNanos = maxPauseNanos;
    this.spuriousWakeups = spuriousWakeups;
  }

  /** Whether no waiting thread can ever be woken early (no pauses, no spurious wakeups). */
  boolean neverWakesEarly() {
    return maxPauseNanos == 0 && !spuriousWakeups;
  }

  /** Whether waiting {@code t} could be woken early: by a pause, or spuriously. */
  boolean canWakeEarly(ManagedThread t) {
    return canPauseFor(t) || canWakeSpuriously(t);
  }

  /**
   * Whether waiting {@code t} may be woken spuriously. Not until a thread other than the one woken
   * last has come to a choice: two waiting threads woken in turn, each parking again at once,
   * would otherwise starve a thread that can run for ever. So between two spurious wakeups another
   * thread takes a step: one that could run (or whose deadline fired), as nothing else is offered
   * while the woken thread parks again. Decided by the choices alone, so replays see the same.
   */
  private boolean canWakeSpuriously(ManagedThread t) {
    return spuriousWakeups
        && othersRanSince
        && (t.wait == ManagedThread.Wait.PARK
            || (t.wait == ManagedThread.Wait.WAIT && s.monitors.freeFor(t)));
  }

  /** The policy picked a waiting thread: its deadline fires after a pause, or it wakes spuriously. */
  void wakeEarly(ManagedThread t) {
    if (s.observer != null) s.observer.global(); // what a pause or a spurious wakeup changes is time
    if (canPauseFor(t)) {
      long pause = pauseFor(t);
      s.trace.add(t.id, t.lastSite, Trace.PAUSE, pause);
    } else {
      t.woken = true;
      wokenSpuriously = t;
      othersRanSince = false;
      s.trace.add(t.id, t.lastSite, Trace.SPURIOUS, null);
    }
  }

  /**
   * {@code me} holds the baton at a choice: it ran since the last one (only the holder runs). A
   * step of any thread but the one woken spuriously last lets spurious wakeups be offered again.
   */
  void atChoice(ManagedThread me) {
    if (me != wokenSpuriously) othersRanSince = true;
  }

  long nanoTime(ManagedThread me, int site) {
    readClock(me, site);
    return BASE_NANOS + now;
  }

  long currentTimeMillis(ManagedThread me, int site) {
    readClock(me, site);
    return BASE_MILLIS + now / 1_000_000;
  }

  long epochNanos(ManagedThread me, int site) {
    readClock(me, site);
    return BASE_MILLIS * 1_000_000 + now;
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
      if (me.inClassInit == 0) now += YIELD_NANOS;
      return;
    }
    Scheduler.pending(me, null, null, 0, false);
    s.turn(me, site, true);
    s.record(me, site, Trace.SITE, null);
  }

  /** Whether a pause of the running threads can let the deadline of {@code t}'s timed wait fire. */
  private boolean canPauseFor(ManagedThread t) {
    return t.timed
        // The whole wait the program asked for, from its own call (a CountDownLatch.await(1 s)
        // parks for a little less, after the JDK's own steps): shorter than the pause budget.
        && t.deadline - t.lastSiteClock < maxPauseNanos
        && t.deadline - now <= maxPauseNanos - paused
        && (t.wait != ManagedThread.Wait.WAIT || s.monitors.freeFor(t));
  }

  /** Pauses the running threads until {@code t}'s deadline; returns how long the pause was. */
  private long pauseFor(ManagedThread t) {
    long pause = t.deadline - now;
    paused += pause;
    now = t.deadline;
    return pause;
  }

  /** Moves to the earliest deadline still ahead of the waiting threads; false if none has one. */
  boolean advanceToEarliestDeadline(ManagedThread[] threads) {
    long earliest = Long.MAX_VALUE;
    for (ManagedThread t : threads) {
      // A deadline already passed times nothing out: that thread's wait is over and it waits to
      // re-enter its monitor (after wait(ms)), which only its holder's progress frees.
      if (t.arrived && !t.terminated && t.timed && t.deadline > now && t.deadline < earliest) {
        earliest = t.deadline;
      }
    }
    if (earliest == Long.MAX_VALUE) return false;
    now = Math.max(now, earliest);
    return true;
  }
}
