package dev.baton.scheduler;

import dev.baton.InterleavingFailure.Kind;
import dev.baton.strategy.ExhaustivePolicy;
import dev.baton.strategy.PreemptionCounter;
import dev.baton.strategy.ReplayPolicy;
import dev.baton.strategy.SchedulePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Shortens a failing schedule before it is reported: looks for a schedule that fails the same way
 * (same {@link Kind}, same exception type with the same message thrown from the same place, or
 * the same waits at the same places) with fewer preemptions, and among those with the fewest, fewer steps.
 *
 * <p>The search is the exhaustive one ({@link ExhaustivePolicy}), bounded to one preemption fewer
 * than the failing schedule has: it tries every schedule with no preemption, then with one, and so
 * on, so the first same failure it meets has the fewest preemptions it can find. After that first
 * hit it tries a few more schedules of the same round for fewer steps. The effort is bounded by
 * {@link SearchSettings#shrinkAttempts()} schedules and {@link SearchSettings#shrinkMillis()} of
 * wall-clock time (checked between schedules); when either runs out, the best schedule found so
 * far is reported, or the original one.
 */
final class Shrinker {
  /** Schedules tried after the first hit, in the same round, for fewer steps. */
  private static final int MORE_FOR_STEPS = 30;

  /** Runs one schedule under {@code policy} and returns its scheduler once it ended. */
  interface Runner {
    Scheduler run(SchedulePolicy policy) throws InterruptedException;
  }

  /**
   * A shorter schedule that fails the same way.
   *
   * @param scheduler the schedule, after it ran
   * @param preemptions its preemptions
   * @param originalPreemptions the preemptions of the schedule first found
   * @param attempts schedules run while shrinking
   */
  record Shorter(Scheduler scheduler, int preemptions, int originalPreemptions, int attempts) {}

  private Shrinker() {}

  /** A shorter schedule that fails like {@code original}, or null when none was found in time. */
  static Shorter shrink(Scheduler original, ExplorationSettings explored, Runner runner)
      throws InterruptedException {
    SearchSettings settings = explored.search();
    // With shared classes a schedule's outcome depends on the schedules before it: another run
    // would change what it shows, and no schedule replays on its own.
    if (!explored.freshStatics()) return null;
    if (settings.shrinkAttempts() < 2 || !shrinkable(original.failure().kind())) return null;
    long deadline = System.nanoTime() + settings.shrinkMillis() * 1_000_000L;
    // Count the preemptions of the failing schedule by replaying it (it must fail again).
    PreemptionCounter counter =
        new PreemptionCounter(new ReplayPolicy(original.choices(), true));
    counter.beginSchedule(0);
    Scheduler again = runner.run(counter);
    if (again.failure() == null || !sameWay(original.failure(), again.failure())) return null;
    int found = counter.preemptions();
    if (found == 0) return null;
    ExhaustivePolicy search = new ExhaustivePolicy(found - 1, true);
    Scheduler best = null;
    int bestPreemptions = found;
    int attempts = 1;
    int sinceHit = 0;
    while (attempts < settings.shrinkAttempts() && System.nanoTime() < deadline
        && !search.exhausted()) {
      int round = search.bound();
      if (best != null && (round > bestPreemptions || sinceHit >= MORE_FOR_STEPS)) break;
      search.beginSchedule(attempts);
      Scheduler s = runner.run(search);
      search.endSchedule(s.steps());
      attempts++;
      if (best != null) sinceHit++;
      Failure f = s.failure();
      if (f == null || !sameWay(original.failure(), f)) continue;
      int p = search.preemptionsOfLastRun();
      if (best == null || p < bestPreemptions
          || (p == bestPreemptions && s.steps() < best.steps())) {
        best = s;
        bestPreemptions = p;
      }
    }
    return best == null ? null : new Shorter(best, bestPreemptions, found, attempts);
  }

  /**
   * Failures worth shortening. Not a watchdog or a divergence (each attempt would wait or fail
   * differently), nor non-termination: its schedule is the loop, every attempt runs the whole step
   * bound, and fewer preemptions would not make the loop shorter.
   */
  private static boolean shrinkable(Kind kind) {
    return kind == Kind.EXCEPTION || kind == Kind.DEADLOCK || kind == Kind.BLOCKED_AT_END;
  }

  /**
   * Same kind; same exception type with the same message from the same place; the same waits at
   * the same places.
   */
  static boolean sameWay(Failure a, Failure b) {
    if (a.kind() != b.kind()) return false;
    Throwable x = a.cause();
    Throwable y = b.cause();
    if ((x == null) != (y == null)) return false;
    if (x != null && (x.getClass() != y.getClass() || !Objects.equals(origin(x), origin(y))
        || !Objects.equals(x.getMessage(), y.getMessage()))) {
      return false;
    }
    return waits(a).equals(waits(b));
  }

  private static String origin(Throwable t) {
    for (StackTraceElement e : t.getStackTrace()) {
      String c = e.getClassName();
      if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")
          || c.startsWith("dev.baton.scheduler.") || c.startsWith("dev.baton.runtime.")
          || c.startsWith("org.assertj.") || c.startsWith("org.junit.")) {
        continue;
      }
      return c + "." + e.getMethodName() + ":" + e.getLineNumber();
    }
    return "";
  }

  private static List<String> waits(Failure f) {
    List<String> w = new ArrayList<>();
    for (Failure.BlockedThread t : f.blocked()) {
      w.add(t.waitKind() + "@" + Scheduler.location(t.site()));
    }
    w.sort(null);
    return w;
  }
}
