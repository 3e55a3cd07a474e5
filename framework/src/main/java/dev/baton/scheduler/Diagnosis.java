package dev.baton.scheduler;

import dev.baton.InterleavingFailure.Kind;
import dev.baton.instrument.Site;
import dev.baton.instrument.Sites;
import dev.baton.strategy.ReplayPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What went wrong when a schedule cannot go on, told as a {@link Failure}: a deadlock (every live
 * thread blocked, with who holds what each waits for), threads left blocked at the end, a thread
 * that does not terminate, a thread stuck outside Baton's control, a replay that diverged.
 */
final class Diagnosis {
  private static final long ABORT_GRACE_MILLIS = 1_000;

  private final Scheduler s;
  private final int maxSteps;
  private final long watchdogMillis;
  private final ClassWork classWork = new ClassWork();

  Diagnosis(Scheduler s, int maxSteps, long watchdogMillis) {
    this.s = s;
    this.maxSteps = maxSteps;
    this.watchdogMillis = watchdogMillis;
  }

  /**
   * Waits for the schedule to end, failing it when nothing happens for {@code watchdogMillis}: no
   * scheduling point passed and the baton did not move, so the thread that holds it is blocked or
   * busy outside the model. (A thread that was started but never arrives is caught at the next
   * decision, with a more precise message, a little earlier.) A holder busy defining or
   * initialising classes, and using the CPU, gets {@link ClassWork#FACTOR} times as long.
   */
  void watch(CountDownLatch finished) throws InterruptedException {
    long poll = Math.max(10, Math.min(1_000, watchdogMillis / 10));
    long limit = TimeUnit.MILLISECONDS.toNanos(watchdogMillis) + TimeUnit.MILLISECONDS.toNanos(poll);
    int seenSteps = -1;
    ManagedThread seenRunning = null;
    long since = System.nanoTime();
    boolean extended = false;
    while (!finished.await(poll, TimeUnit.MILLISECONDS)) {
      int steps = s.steps();
      ManagedThread r = s.running();
      long now = System.nanoTime();
      if (steps != seenSteps || r != seenRunning) {
        seenSteps = steps;
        seenRunning = r;
        since = now;
        classWork.reset();
        extended = false;
      } else if (classWork.busy(r) && now - since <= limit * ClassWork.FACTOR) {
        // defining and initialising classes, not stuck: a heavy library's first schedule
        extended |= now - since > limit;
      } else if (now - since > limit) {
        long stalled = extended // say how long it really was, in whole seconds
            ? TimeUnit.NANOSECONDS.toSeconds(now - since) * 1000 : watchdogMillis;
        s.fail(stuck(s.running(), stalled));
        finished.await(ABORT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        return;
      }
    }
  }

  /** Nobody can run: a deadlock, or threads the finished scenario left blocked. */
  Failure blocked() {
    List<Failure.BlockedThread> blocked = new ArrayList<>();
    boolean mainAlive = false;
    for (ManagedThread t : s.threads()) {
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
        // A waiter whose wait ended (notified, timed out, interrupted) wants its monitor back.
        boolean wantsMonitor =
            t.wait == ManagedThread.Wait.MONITOR || s.ready.wokenFromWait(t);
        return wantsMonitor ? s.monitors.ownerOf(t.waitTarget) : null;
      case JOIN:
        return (ManagedThread) t.waitTarget;
      case PARK:
        Thread owner = LockOwners.ownerOf(t.waitTarget);
        return owner == null ? null : s.managed(owner);
      default:
        return null;
    }
  }

  Failure diverged(ReplayPolicy.Divergence d) {
    return diverged(s, d.getMessage());
  }

  /** A strict replay of {@code s} no longer matched the code, for the reason {@code why}. */
  static Failure diverged(Scheduler s, String why) {
    return Failure.of(Kind.DIVERGENCE, "schedule diverged at step " + s.steps() + " (" + why
        + "): the code changed since the token was recorded, or it depends on something outside"
        + " the schedule" + s.likelyCauses());
  }

  /**
   * Called by {@code me}, the thread that passed the step bound or, with {@code cycle}, repeats a
   * cycle of states without progress while nobody else can progress: its own stack shows the loop.
   */
  Failure nonTermination(ManagedThread me, boolean cycle) {
    StackTraceElement[] stack = Stacks.ofUser(Thread.currentThread().getStackTrace());
    String headline = cycle
        ? me.displayName() + " seems not to terminate: it repeats " + s.progress.describe(me)
            + " in which its reads see nothing new and no other thread can change them"
            + " (a livelock or an endless loop; last at " + location(me.lastSite) + ")"
        : "the schedule took more than " + maxSteps + " scheduling points (maxSteps): "
            + me.displayName() + " seems not to terminate (last at " + location(me.lastSite)
            + "), though no cycle without progress was seen; raise maxSteps if the scenario is"
            + " just long";
    return new Failure(
        Kind.NON_TERMINATION,
        headline,
        null,
        List.of(),
        "  " + me.displayName() + " was looping here:\n" + Stacks.format(stack, "      "));
  }

  /** Why {@code holder} left Baton's control, from its stack and the other threads' stacks. */
  private String reason(ManagedThread holder) {
    java.util.Map<String, StackTraceElement[]> others = new java.util.LinkedHashMap<>();
    for (ManagedThread t : s.threads()) {
      if (t != holder && !t.terminated) others.put(t.displayName(), t.thread.getStackTrace());
    }
    return OutsideControl.reason(holder.thread, holder.thread.getStackTrace(), others, id -> {
      for (ManagedThread t : s.threads()) {
        if (t.thread.getId() == id) return t.displayName();
      }
      return null;
    });
  }

  /** The watchdog fired: nothing moved for {@code stalledMillis} (the limit, or longer). */
  Failure stuck(ManagedThread holder, long stalledMillis) {
    StringBuilder details = new StringBuilder();
    for (ManagedThread t : s.threads()) {
      if (t.terminated) continue;
      details.append("  ").append(t.displayName()).append(" (").append(t.thread.getState())
          .append(t == holder ? ", holds the baton" : "").append(")\n");
      details.append(Stacks.format(Stacks.ofUser(t.thread.getStackTrace()), "      "));
    }
    String who = holder == null || holder.terminated
        ? "a thread"
        : holder.displayName() + " (" + holder.thread.getState() + ")";
    String why = holder == null || holder.terminated
        ? "it is blocked or busy outside Baton's control (I/O, native code, or a lock of"
            + " uninstrumented code)"
        : reason(holder);
    return new Failure(
        Kind.UNCONTROLLED,
        who + " did not reach a scheduling point for " + seconds(stalledMillis) + ": " + why
            + "; raise baton.watchdogSeconds if it is only slow",
        null,
        List.of(),
        details.toString());
  }

  /** {@code t} was started but did not reach its first hook in time. */
  Failure neverArrived(ManagedThread t) {
    return new Failure(Kind.UNCONTROLLED,
        t.displayName() + " was started but did not reach a scheduling point within "
            + seconds(watchdogMillis) + ": it is blocked or busy outside Baton's control"
            + " (raise " + "baton.watchdogSeconds if it is only slow)",
        null, List.of(),
        Stacks.format(Stacks.ofUser(t.thread.getStackTrace()), "      "));
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  static String location(int site) {
    Site s = Sites.get(site);
    return s == null ? "JDK code" : s.location();
  }
}
