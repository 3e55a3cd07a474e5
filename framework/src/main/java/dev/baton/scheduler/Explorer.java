package dev.baton.scheduler;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import dev.baton.Strategy;
import dev.baton.instrument.BatonAgent;
import dev.baton.runtime.Hooks;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs schedules of one scenario until one fails or the budget is spent: the loop behind both the
 * engine and {@link dev.baton.Interleavings}.
 */
public final class Explorer {
  /** Explorations share the hooks, so they run one at a time per JVM. */
  private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

  private Explorer() {}

  /**
   * Explores {@code body} under {@code settings}.
   *
   * @return what was explored, when no schedule failed
   * @throws InterleavingFailure for the first failing schedule
   * @throws IllegalArgumentException when a setting or the replay token is invalid; the message
   *     names it and how to fix it
   */
  public static ExplorationResult explore(ExplorationSettings settings, ScheduleBody body) {
    check(settings);
    String origin = settings.strictReplay() ? "baton.replay" : "@ExploreInterleavings(replay)";
    ReplayToken token =
        settings.replayToken() == null || settings.replayToken().isBlank()
            ? null
            : ReplayToken.decode(settings.replayToken(), origin);
    BatonAgent.install();
    if (Hooks.installed() instanceof Scheduler running && running.isManaged(Thread.currentThread())) {
      throw new IllegalStateException(
          "Interleavings.explore was called from inside a scenario that Baton is exploring: explore"
              + " one scenario at a time, from a plain test or main method.");
    }
    ONE_AT_A_TIME.lock();
    try {
      return token == null ? explore(settings, body, null) : explore(settings, body, token);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Baton's exploration was interrupted", e);
    } finally {
      ONE_AT_A_TIME.unlock();
    }
  }

  /**
   * Runs {@code check} while no exploration runs, and keeps explorations out until it returns:
   * for checks by other tools (Lincheck) that must not meet Baton's hooks installed.
   */
  public static <T> T exclusively(java.util.concurrent.Callable<T> check) throws Exception {
    ONE_AT_A_TIME.lock();
    try {
      return check.call();
    } finally {
      ONE_AT_A_TIME.unlock();
    }
  }

  /**
   * Whether {@code token}, given once for a whole run ({@code -Dbaton.replay}), was recorded by
   * {@code scenarioId}: other scenarios of the run explore as usual. A token that cannot be decoded
   * counts as theirs, so that its error is reported.
   */
  public static boolean isFor(String token, String scenarioId) {
    try {
      return ReplayToken.decode(token, "baton.replay").scenarioHash()
          == scenarioId.hashCode();
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  private static ExplorationResult explore(
      ExplorationSettings settings, ScheduleBody body, ReplayToken token)
      throws InterruptedException {
    boolean replaying = token != null;
    if (replaying) settings = settings.withChoicesOf(token);
    Strategy strategy = replaying ? token.strategy() : settings.strategy();
    long seed = replaying ? token.seed() : settings.seed() != 0 ? settings.seed() : Seeds.pick();
    ReplayPolicy replay = replaying ? new ReplayPolicy(token.choices(), settings.strictReplay()) : null;
    SchedulePolicy policy = replaying ? replay : policyFor(strategy, seed, settings.pctDepth());
    int budget = replaying ? 1 : settings.schedules();
    long started = System.nanoTime();
    long timeBudget = TimeUnit.MILLISECONDS.toNanos(settings.timeBudgetMillis());
    try (MainThread main = new MainThread()) {
      for (int i = 0; i < budget; i++) {
        if (i > 0 && timeBudget > 0 && System.nanoTime() - started >= timeBudget) {
          String spent = "The time budget of " + settings.timeBudgetMillis() / 1000 + " s ("
              + "baton.timeBudgetSeconds) was spent after " + i + " of " + budget
              + " schedules, all passed.";
          String note = policy.note().isEmpty() ? spent : spent + " " + policy.note();
          return new ExplorationResult(i, strategy, seed, false, note);
        }
        policy.beginSchedule(i);
        int number = replaying ? token.schedule() : i + 1;
        Scheduler scheduler = new Scheduler(policy, settings, Seeds.forValues(seed, number));
        scheduler.run(body, main);
        policy.endSchedule(scheduler.steps());
        Failure failure = scheduler.failure();
        if (failure == null && replaying && settings.strictReplay() && replay.unused() > 0) {
          failure = Failure.of(Kind.DIVERGENCE,
              "schedule diverged at step " + scheduler.steps() + ": the schedule ended after "
                  + (replay.total() - replay.unused()) + " of the token's " + replay.total()
                  + " choices; the code changed since the token was recorded, or it depends on"
                  + " something outside the schedule" + scheduler.likelyCauses());
        }
        if (failure != null) {
          String newToken =
              new ReplayToken(settings.scenarioId().hashCode(), strategy, seed, number,
                  settings.maxPauseMillis(), settings.spuriousWakeups(), scheduler.choices())
                  .encode();
          throw FailureReport.build(
              failure, scheduler, settings, strategy, seed, number, replaying, newToken);
        }
        if (policy.exhausted()) {
          return new ExplorationResult(i + 1, strategy, seed, true, policy.note());
        }
      }
    }
    String note = policy.note();
    if (replaying && note.isEmpty() && replay.unused() > 0) {
      note = "The pinned schedule diverged: it ended after " + (replay.total() - replay.unused())
          + " of the token's " + replay.total() + " choices, so the code changed since the token"
          + " was recorded (as a fix does); the schedule passed.";
    } else if (replaying && note.isEmpty()) {
      note = "The replayed schedule " + token.schedule() + " passed.";
    }
    return new ExplorationResult(budget, strategy, seed, false, note);
  }

  private static SchedulePolicy policyFor(Strategy strategy, long seed, int pctDepth) {
    return switch (strategy) {
      case RANDOM -> new RandomPolicy(seed);
      case PCT -> new PctPolicy(seed, pctDepth);
      case POS -> new PosPolicy(seed);
      case EXHAUSTIVE -> new ExhaustivePolicy();
    };
  }

  private static void check(ExplorationSettings s) {
    if (s.schedules() < 1) {
      throw new IllegalArgumentException(
          "schedules = " + s.schedules() + " for " + s.scenarioId() + ": it must be at least 1");
    }
    if (s.pctDepth() < 1) {
      throw new IllegalArgumentException(
          "pctDepth = " + s.pctDepth() + " for " + s.scenarioId() + ": it must be at least 1");
    }
    if (s.maxPauseMillis() < 0) {
      throw new IllegalArgumentException(
          "maxPauseMillis = " + s.maxPauseMillis() + " for " + s.scenarioId()
              + ": it must be 0 (never pause) or more");
    }
    if (s.watchdogMillis() < 1) {
      throw new IllegalArgumentException(
          "the watchdog limit must be positive for " + s.scenarioId());
    }
    if (s.timeBudgetMillis() < 0) {
      throw new IllegalArgumentException(
          "the time budget must be 0 (no limit) or more for " + s.scenarioId());
    }
    if (s.maxSteps() < 1) {
      throw new IllegalArgumentException(
          "maxSteps = " + s.maxSteps() + " for " + s.scenarioId() + ": it must be at least 1");
    }
    if (s.strategy() == null) {
      throw new IllegalArgumentException("no strategy for " + s.scenarioId());
    }
  }
}
