package dev.baton.scheduler;

import dev.baton.InterleavingFailure;
import dev.baton.Strategy;

/**
 * The report of a failure after {@link Shrinker} shortened its schedule: the short schedule
 * first (its trace and token), then how it was shortened and the token of the schedule found
 * first, which replays too.
 */
final class ShrunkFailure {
  private ShrunkFailure() {}

  static InterleavingFailure of(
      InterleavingFailure found,
      Scheduler scheduler,
      ExplorationSettings settings,
      Strategy strategy,
      long seed,
      int number,
      Shrinker.Runner runner)
      throws InterruptedException {
    Shrinker.Shorter shorter;
    try {
      shorter = Shrinker.shrink(scheduler, settings, runner);
    } catch (RuntimeException e) {
      return found; // shortening is a courtesy: never lose the failure that was found
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the caller still sees the interrupt, and the failure
      return found;
    }
    if (shorter == null) return found;
    Scheduler s = shorter.scheduler();
    // Steps are counted as the reports count them (the interleaving's length), not in decisions.
    String token =
        new ReplayToken(settings.scenarioId().hashCode(), strategy, seed, number,
            settings.maxPauseMillis(), settings.spuriousWakeups(), s.choices())
            .encode();
    InterleavingFailure report =
        FailureReport.build(s.failure(), s, settings, strategy, seed, number, false, token);
    SearchSettings search = settings.search();
    String message = report.getMessage()
        + "\n\nShortened before reporting: the schedule found first had "
        + plural(shorter.originalPreemptions(), "preemption") + " and "
        + plural(scheduler.trace.size, "step") + "; this one fails the same way with "
        + plural(shorter.preemptions(), "preemption") + " and " + plural(s.trace.size, "step")
        + " (" + plural(shorter.attempts(), "schedule") + " tried; at most "
        + search.shrinkAttempts() + " and " + search.shrinkMillis() / 1000.0
        + " s: baton.shrink.attempts, baton.shrink.seconds). The schedule found first:\n  "
        + "-Dbaton.replay=" + found.replayToken();
    return new InterleavingFailure(message, report.getCause(), report.kind(), token, strategy,
        seed, number, report.trace());
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
