package dev.baton.scheduler;

import dev.baton.instrument.Site;
import dev.baton.instrument.SiteKind;
import dev.baton.instrument.Sites;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Tells a schedule that does not end from one that is only long.
 *
 * <p>The state a spin loop can see is the sequence of its steps: the site, the object it touches
 * and the value there when it touches it. A thread whose last steps repeat one cycle of such states
 * ({@link ThreadCycle}) is not progressing: it reads nothing new and writes nothing that changes
 * what it reads. A schedule is reported as not terminating when the thread taking a step has
 * repeated its cycle for {@link #cycleSteps} steps of the schedule (every thread's steps: two
 * threads that give way to each other each take half of them) and every other live thread is stuck the same
 * way or blocked with no deadline: nobody can change what the cycle reads. Steps whose effect
 * Baton cannot see (calls into the JDK, waits, clock reads, a field it cannot read) count as
 * progress, so the check errs towards "still running", and a hard bound ({@code maxSteps}) catches
 * what it cannot prove.
 *
 * <p>A loop that counts in a local variable while it re-reads unchanged shared fields repeats the
 * same states too, and ends all the same: only its length tells it from an endless loop. So the
 * cycle must last long before it counts: half of {@code maxSteps}, at least {@link
 * #MIN_CYCLE_STEPS} (the old step bound: nothing that ended within it is reported) and at most
 * {@link #MAX_CYCLE_STEPS} (at the default bound; a user who lowers the bound gets the verdict
 * before it).
 *
 * <p>Values are read only after {@link #WATCH_FROM} steps, so short schedules pay nothing.
 */
final class ProgressMonitor {
  /** Steps of a schedule before its threads' states are watched at all. */
  static final int WATCH_FROM = 50_000;

  /** The fewest steps a thread must repeat its cycle of unchanged states to count as stuck. */
  static final int MIN_CYCLE_STEPS = 100_000;

  /** The most steps a thread must repeat its cycle to count as stuck, whatever the bound. */
  static final int MAX_CYCLE_STEPS = 1_000_000;

  /** Steps a thread must repeat its cycle of unchanged states before it counts as stuck. */
  private final int cycleSteps;

  private final SiteValues values = new SiteValues();
  private ThreadCycle[] cycles = new ThreadCycle[4];
  private long now; // the schedule's latest step

  /** A monitor for schedules bounded at {@code maxSteps} scheduling points. */
  ProgressMonitor(int maxSteps) {
    this.cycleSteps = cycleSteps(maxSteps);
  }

  /** How long a cycle must last to count under the bound {@code maxSteps}. */
  static int cycleSteps(int maxSteps) {
    return Math.max(MIN_CYCLE_STEPS, Math.min(MAX_CYCLE_STEPS, maxSteps / 2));
  }

  /**
   * Notes the step {@code me} is about to take at {@code site} ({@link ManagedThread#pendingObject}
   * and friends say what it touches), the {@code steps}-th of the schedule.
   *
   * @return whether the step repeats a cycle {@code me} has been in for {@link #cycleSteps} steps
   */
  boolean step(ManagedThread me, int site, int steps) {
    if (steps < WATCH_FROM) return false;
    now = steps;
    ThreadCycle cycle = cycleOf(me.id);
    Site s = site >= 0 ? Sites.get(site) : null;
    if (s == null) {
      cycle.progress();
      return false;
    }
    SiteKind kind = s.kind();
    if (!neutral(kind)) {
      cycle.progress();
      return false;
    }
    boolean memory = SiteValues.isMemory(kind);
    Object object = memory || kind == SiteKind.MONITOR_ENTER ? me.pendingObject : null;
    Object value = memory ? values.valueAt(s, site, me.pendingObject, me.pendingIndex) : null;
    if (value == SiteValues.UNKNOWN) {
      cycle.progress();
      return false;
    }
    cycle.add(site, object, memory ? me.pendingIndex : 0, value, steps);
    return cycle.lasted(steps) >= cycleSteps;
  }

  /**
   * Whether every live thread but {@code me} is stuck in a cycle of its own, or blocked for good
   * (as {@code blockedForGood} says: no deadline, nothing it waits for ready): nobody can change
   * what {@code me}'s cycle reads. A thread not yet at its first hook may still do anything.
   */
  boolean nobodyElseCanProgress(
      ManagedThread me, ManagedThread[] threads, Predicate<ManagedThread> blockedForGood) {
    for (ManagedThread t : threads) {
      if (t == me || t.terminated) continue;
      if (!t.arrived) return false;
      // The cheap test first: stuck() reads the fields its cycle saw.
      if (!blockedForGood.test(t) && !stuck(t)) return false;
    }
    return true;
  }

  /**
   * Whether {@code t} repeats a cycle of unchanged states, as of its latest step, and what the
   * cycle reads is still unchanged: a thread the strategy kept from running since another thread
   * wrote what it spins on would see something new at its next step.
   */
  boolean stuck(ManagedThread t) {
    return t.id < cycles.length && cycles[t.id] != null && cycles[t.id].lasted(now) >= cycleSteps
        && cycles[t.id].seesTheSameNow(this::valueNow);
  }

  private Object valueNow(int site, Object object, int index) {
    Site s = Sites.get(site);
    // Only what the cycle reads decides: a location it writes (true, then false) holds its own last
    // value, not what it saw before the write.
    if (s == null || !SiteValues.isMemory(s.kind()) || s.kind() == SiteKind.WRITE
        || s.kind() == SiteKind.ARRAY_WRITE) {
      return ThreadCycle.NOT_MEMORY;
    }
    return values.valueAt(s, site, object, index);
  }

  /** The length of {@code t}'s cycle, in steps, and how many steps it has repeated it. */
  String describe(ManagedThread t) {
    ThreadCycle c = cycleOf(t.id);
    return "a cycle of " + (c.period() == 1 ? "1 step" : c.period() + " steps") + " repeated for "
        + c.repeated() + " steps";
  }

  private ThreadCycle cycleOf(int id) {
    if (id >= cycles.length) cycles = Arrays.copyOf(cycles, Math.max(id + 1, cycles.length * 2));
    ThreadCycle c = cycles[id];
    if (c == null) cycles[id] = c = new ThreadCycle();
    return c;
  }

  /** Whether a step of kind {@code kind} can be part of a cycle (its whole effect is visible). */
  static boolean neutral(SiteKind kind) {
    switch (kind) {
      case READ:
      case WRITE:
      case ARRAY_READ:
      case ARRAY_WRITE:
      case MONITOR_ENTER:
      case MONITOR_EXIT:
      case YIELD:
      case SPIN_WAIT:
      case SLEEP: // changes only the time, which a clock read (progress) or a deadline would see
        return true;
      default:
        return false;
    }
  }
}
