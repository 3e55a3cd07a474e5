package dev.baton.scheduler;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import dev.baton.Strategy;
import dev.baton.instrument.BatonAgent;
import dev.baton.report.ProgressLine;
import dev.baton.report.ReportSettings;
import dev.baton.runtime.Hooks;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

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
    return explore(settings, body, null);
  }

  /**
   * Explores {@code body} under {@code settings}; with {@code baton.parallelism} above 1, runs
   * schedules at once on further bodies from {@code moreBodies}, one per worker, each loading the
   * scenario in class loaders of its own.
   *
   * @param moreBodies makes a body for another worker; null: schedules run one at a time
   * @see #explore(ExplorationSettings, ScheduleBody)
   */
  public static ExplorationResult explore(
      ExplorationSettings settings, ScheduleBody body, Supplier<ScheduleBody> moreBodies) {
    check(settings);
    String origin = settings.strictReplay() ? "baton.replay" : "@ExploreInterleavings(replay)";
    ReplayToken token =
        settings.replayToken() == null || settings.replayToken().isBlank()
            ? null
            : ReplayToken.decode(settings.replayToken(), origin);
    ReportSettings.current(); // a malformed report key fails here, not in the middle of a report
    BatonAgent.install();
    if (Hooks.installed() instanceof Scheduler running && running.isManaged(Thread.currentThread())
        || Hooks.installed() instanceof HookDispatch d && d.ownerOf(Thread.currentThread()) != null) {
      throw new IllegalStateException(
          "Interleavings.explore was called from inside a scenario that Baton is exploring: explore"
              + " one scenario at a time, from a plain test or main method.");
    }
    ONE_AT_A_TIME.lock();
    try {
      return explore(settings, body, token, moreBodies);
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

  private static ExplorationResult explore(ExplorationSettings settings, ScheduleBody body,
      ReplayToken token, Supplier<ScheduleBody> moreBodies) throws InterruptedException {
    boolean replaying = token != null;
    if (replaying) settings = settings.withChoicesOf(token);
    Strategy strategy = replaying ? token.strategy() : settings.strategy();
    ShardPlan shard = settings.shard();
    boolean unsplit = replaying || strategy == Strategy.EXHAUSTIVE; // see ShardPlan
    if (unsplit && !shard.runsUnsplit()) return ShardNotes.notInThisShard(shard, strategy, replaying);
    long seed = replaying ? token.seed()
        : settings.seed() != 0 ? settings.seed()
        : shard.split() ? Seeds.forScenario(settings.scenarioId()) : Seeds.pick();
    // Lenient replay: the token's prefix, then the token's strategy (see LenientReplayPolicy).
    LenientReplayPolicy lenient = replaying && settings.search().lenientReplay()
        ? new LenientReplayPolicy(token.choices(), continuationOf(token, settings)) : null;
    ReplayPolicy replay = replaying && lenient == null
        ? new ReplayPolicy(token.choices(), settings.strictReplay()) : null;
    SchedulePolicy policy =
        lenient != null ? lenient : replaying ? replay : policyFor(strategy, seed, settings);
    int budget = replaying && lenient == null ? 1 : settings.schedules();
    long started = System.nanoTime();
    long timeBudget = TimeUnit.MILLISECONDS.toNanos(settings.timeBudgetMillis());
    if (!unsplit && settings.workers() > 1 && moreBodies != null && settings.freshStatics()) {
      return ParallelExplorer.explore(settings, strategy, seed, settings.workers(), body, moreBodies);
    }
    Coverage coverage = new Coverage();
    ProgressLine progress = replaying ? null
        : ProgressLine.start(settings.scenarioId(), unsplit ? budget : shard.share(budget));
    try (MainThread main = new MainThread()) {
      if (!unsplit && !shard.owns(0) && policy.learnsFromFirstSchedule()) {
        runProbe(policy, settings, seed, body, main);
      }
      for (int i = 0; i < budget; i++) {
        if (!unsplit && !shard.owns(i)) continue;
        int done = coverage.schedules();
        if (progress != null && done > 0) progress.scheduleDone(done, 0);
        if (done > 0 && timeBudget > 0 && System.nanoTime() - started >= timeBudget) {
          String spent = "The time budget of " + settings.timeBudgetMillis() / 1000 + " s ("
              + "baton.timeBudgetSeconds) was spent after " + coverage.schedules() + " of "
              + (unsplit ? budget : shard.share(budget)) + " schedules, all passed.";
          String note = policy.note().isEmpty() ? spent : spent + " " + policy.note();
          return new ExplorationResult(coverage.schedules(), strategy, seed, false,
              ShardNotes.withShard(note, shard, unsplit, budget),
              coverage(coverage, policy, strategy, settings));
        }
        policy.beginSchedule(i);
        int number = replaying ? token.schedule() + i : i + 1;
        Scheduler scheduler = new Scheduler(policy, settings, Seeds.forValues(seed, number));
        scheduler.run(body, main);
        policy.endSchedule(scheduler.steps());
        coverage.add(i, scheduler);
        Failure failure = scheduler.failure();
        if (failure == null && replay != null && settings.strictReplay() && replay.unused() > 0) {
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
          InterleavingFailure report = FailureReport.build(
              failure, scheduler, settings, strategy, seed, number, replaying, newToken);
          if (lenient != null) throw LenientReplayNotes.failed(report, lenient, i);
          if (replaying) throw report;
          ExplorationSettings fixed = settings;
          throw ShrunkFailure.of(report, scheduler, fixed, strategy, seed, number, p -> {
            Scheduler s = new Scheduler(p, fixed, Seeds.forValues(seed, number));
            s.run(body, main);
            return s;
          });
        }
        if (lenient != null && !lenient.diverged()) {
          return new ExplorationResult(i + 1, strategy, seed, false,
              "The replayed schedule " + token.schedule() + " passed.");
        }
        if (policy.exhausted()) {
          return new ExplorationResult(i + 1, strategy, seed, true, policy.note(),
              coverage(coverage, policy, strategy, settings));
        }
      }
    }
    String note = lenient != null ? LenientReplayNotes.passed(lenient, budget, token) : policy.note();
    if (replay != null && note.isEmpty() && replay.unused() > 0) {
      note = "The pinned schedule diverged: it ended after " + (replay.total() - replay.unused())
          + " of the token's " + replay.total() + " choices, so the code changed since the token"
          + " was recorded (as a fix does); the schedule passed.";
    } else if (replay != null && note.isEmpty()) {
      note = "The replayed schedule " + token.schedule() + " passed.";
    }
    note = ParallelExplorer.withWhySequential(note, settings, unsplit, moreBodies != null);
    return new ExplorationResult(coverage.schedules(), strategy, seed, false,
        ShardNotes.withShard(note, shard, unsplit, budget),
        coverage(coverage, policy, strategy, settings));
  }

  /**
   * Runs the first schedule only for what the policy learns from it, in a shard that does not own
   * it: its outcome is the first shard's to report.
   */
  private static void runProbe(SchedulePolicy policy, ExplorationSettings settings, long seed,
      ScheduleBody body, MainThread main) throws InterruptedException {
    policy.beginSchedule(0);
    Scheduler probe = new Scheduler(policy, settings, Seeds.forValues(seed, 1));
    probe.run(body, main);
    policy.endSchedule(probe.steps());
  }

  private static dev.baton.ExplorationCoverage coverage(
      Coverage coverage, SchedulePolicy policy, Strategy strategy, ExplorationSettings settings) {
    int range = policy instanceof PctPolicy pct ? pct.range() : 0;
    return coverage.result(strategy, settings.pctDepth(), range);
  }

  static SchedulePolicy policyFor(Strategy strategy, long seed, ExplorationSettings s) {
    return switch (strategy) {
      case RANDOM -> new RandomPolicy(seed);
      case PCT -> new PctPolicy(seed, s.pctDepth());
      case POS -> new PosPolicy(seed);
      case PORTFOLIO -> new PortfolioPolicy(seed);
      case EXHAUSTIVE ->
          new ExhaustivePolicy(s.search().maxPreemptions(), s.search().reduction());
    };
  }

  /** What chooses after a lenient replay leaves its token: the token's strategy, seeded. */
  private static SchedulePolicy continuationOf(ReplayToken token, ExplorationSettings settings) {
    return token.strategy() == Strategy.EXHAUSTIVE
        ? new RandomPolicy(token.seed()) // an enumeration cannot start half-way
        : policyFor(token.strategy(), token.seed(), settings);
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
    SearchChecks.check(s);
    if (s.strategy() == null) {
      throw new IllegalArgumentException("no strategy for " + s.scenarioId());
    }
  }
}
