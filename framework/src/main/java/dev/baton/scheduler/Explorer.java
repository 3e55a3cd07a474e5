package dev.baton.scheduler;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import dev.baton.Strategy;
import dev.baton.instrument.BatonAgent;
import dev.baton.report.ProgressLine;
import dev.baton.runtime.Hooks;
import dev.baton.strategy.LenientReplayNotes;
import dev.baton.strategy.LenientReplayPolicy;
import dev.baton.strategy.ReplayPolicy;
import dev.baton.strategy.SchedulePolicy;
import dev.baton.strategy.Seeds;
import dev.baton.strategy.Strategies;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Runs schedules of one scenario until one fails or the budget is spent: the loop behind both the
 * engine and {@link dev.baton.Interleavings}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
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
    BatonAgent.install();
    if (Hooks.installed() instanceof HookAdapter running
        && running.core.isManaged(Thread.currentThread())
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

  /** A fresh policy for {@code strategy}, drawing from {@code seed}, as {@code settings} say. */
  static SchedulePolicy policyFor(Strategy strategy, long seed, ExplorationSettings settings) {
    SearchSettings search = settings.search();
    return Strategies.policy(
        strategy, seed, settings.pctDepth(), search.maxPreemptions(), search.reduction());
  }

  private static ExplorationResult explore(ExplorationSettings settings, ScheduleBody body,
      ReplayToken token, Supplier<ScheduleBody> moreBodies) throws InterruptedException {
    if (token != null) settings = settings.withChoicesOf(token);
    Plan plan = Plan.of(settings, token);
    ShardPlan shard = settings.shard();
    if (plan.unsplit() && !shard.runsUnsplit()) {
      return ShardNotes.notInThisShard(shard, plan.strategy(), plan.replaying());
    }
    if (!plan.unsplit() && settings.workers() > 1 && moreBodies != null
        && settings.freshStatics()) {
      return ParallelExplorer.explore(
          settings, plan.strategy(), plan.seed(), settings.workers(), body, moreBodies);
    }
    return new Run(settings, plan, body, moreBodies != null).explore();
  }

  /**
   * What an exploration runs: the strategy and seed (a replay's come from its token), the policy
   * that chooses, and, when replaying, the replay's own policy.
   *
   * @param declared the strategy's policy: the one that chooses, unless replaying
   * @param policy the policy that chooses
   * @param lenient the lenient replay's policy, or null
   * @param replay the strict replay's policy, or null
   */
  private record Plan(ReplayToken token, Strategy strategy, long seed, SchedulePolicy declared,
      SchedulePolicy policy, LenientReplayPolicy lenient, ReplayPolicy replay, int budget) {

    static Plan of(ExplorationSettings settings, ReplayToken token) {
      boolean replaying = token != null;
      Strategy strategy = replaying ? token.strategy() : settings.strategy();
      ShardPlan shard = settings.shard();
      long seed = replaying ? token.seed()
          : settings.seed() != 0 ? settings.seed()
          : shard.split() ? Seeds.forScenario(settings.scenarioId()) : Seeds.pick();
      SchedulePolicy declared = policyFor(strategy, seed, settings);
      // Lenient replay: the token's prefix, then the token's strategy (see LenientReplayPolicy).
      LenientReplayPolicy lenient = replaying && settings.search().lenientReplay()
          ? new LenientReplayPolicy(token.choices(),
              policyFor(strategy, seed, settings).afterLenientReplay(seed))
          : null;
      ReplayPolicy replay = replaying && lenient == null
          ? new ReplayPolicy(token.choices(), settings.strictReplay()) : null;
      SchedulePolicy policy = lenient != null ? lenient : replay != null ? replay : declared;
      int budget = replay != null ? 1 : settings.schedules();
      return new Plan(token, strategy, seed, declared, policy, lenient, replay, budget);
    }

    boolean replaying() {
      return token != null;
    }

    /** Whether the exploration runs whole in one place: not shared by shards or workers. */
    boolean unsplit() {
      return !policy.splittable() || !declared.splittable();
    }
  }

  /** One exploration run schedule after schedule, on this thread. */
  private static final class Run {
    private final ExplorationSettings settings;
    private final Plan plan;
    private final ScheduleBody body;
    private final boolean hasMoreBodies;
    private final ShardPlan shard;
    private final Coverage coverage = new Coverage();
    private final long started = System.nanoTime();

    Run(ExplorationSettings settings, Plan plan, ScheduleBody body, boolean hasMoreBodies) {
      this.settings = settings;
      this.plan = plan;
      this.body = body;
      this.hasMoreBodies = hasMoreBodies;
      this.shard = settings.shard();
    }

    ExplorationResult explore() throws InterruptedException {
      SchedulePolicy policy = plan.policy();
      int budget = plan.budget();
      ProgressLine progress = plan.replaying() ? null
          : ProgressLine.start(settings.scenarioId(), share(budget), settings.report());
      try (MainThread main = new MainThread()) {
        if (!plan.unsplit() && !shard.owns(0) && policy.learnsFromFirstSchedule()) {
          runProbe(policy, settings, plan.seed(), body, main);
        }
        for (int i = 0; i < budget; i++) {
          if (!plan.unsplit() && !shard.owns(i)) continue;
          int done = coverage.schedules();
          if (progress != null && done > 0) progress.scheduleDone(done, 0);
          if (done > 0 && outOfTime()) return timeBudgetSpent(budget);
          ExplorationResult ended = runSchedule(i, main);
          if (ended != null) return ended;
        }
      }
      return passed(budget);
    }

    /** Runs schedule {@code i}; returns the exploration's result when it ends there, else null. */
    private ExplorationResult runSchedule(int i, MainThread main) throws InterruptedException {
      SchedulePolicy policy = plan.policy();
      policy.beginSchedule(i);
      int number = plan.replaying() ? plan.token().schedule() + i : i + 1;
      Scheduler scheduler = new Scheduler(policy, settings, Seeds.forValues(plan.seed(), number));
      scheduler.run(body, main);
      policy.endSchedule(scheduler.steps());
      coverage.add(i, scheduler);
      Failure failure = EarlierTokens.explain(failureOf(scheduler), plan.token());
      if (failure != null) throw report(failure, scheduler, i, number, main);
      if (plan.lenient() != null && !plan.lenient().diverged()) {
        return new ExplorationResult(i + 1, plan.strategy(), plan.seed(), false,
            "The replayed schedule " + plan.token().schedule() + " passed.");
      }
      if (policy.exhausted()) {
        return new ExplorationResult(i + 1, plan.strategy(), plan.seed(), true, policy.note(),
            plan.declared().coverage(coverage));
      }
      return null;
    }

    /** The schedule's failure; a strict replay that used fewer choices than its token diverged. */
    private Failure failureOf(Scheduler scheduler) {
      Failure failure = scheduler.failure();
      ReplayPolicy replay = plan.replay();
      if (replay != null && replay.overran() != null
          && (failure == null || failure.kind() != Kind.RECURSION)) {
        failure = Diagnosis.diverged(scheduler, replay.overran());
      }
      if (failure == null && replay != null && settings.strictReplay() && replay.unused() > 0) {
        failure = Diagnosis.diverged(scheduler, "the schedule ended after "
            + (replay.total() - replay.unused()) + " of the token's " + replay.total() + " choices");
      }
      return failure;
    }

    /** The failure of schedule {@code i} as the user sees it: shrunk, unless replaying. */
    private InterleavingFailure report(Failure failure, Scheduler scheduler, int i, int number,
        MainThread main) throws InterruptedException {
      Strategy strategy = plan.strategy();
      long seed = plan.seed();
      String newToken = new ReplayToken(settings.scenarioId().hashCode(), strategy, seed, number,
          settings.maxPauseMillis(), settings.spuriousWakeups(), scheduler.choices()).encode();
      InterleavingFailure report = FailureReport.build(
          failure, scheduler, settings, strategy, seed, number, plan.replaying(), newToken);
      if (plan.lenient() != null) return LenientReplayNotes.failed(report, plan.lenient(), i);
      if (plan.replaying()) return report;
      ExplorationSettings fixed = settings;
      return ShrunkFailure.of(report, scheduler, fixed, strategy, seed, number, p -> {
        Scheduler s = new Scheduler(p, fixed, Seeds.forValues(seed, number));
        s.run(body, main);
        return s;
      });
    }

    private boolean outOfTime() {
      long timeBudget = TimeUnit.MILLISECONDS.toNanos(settings.timeBudgetMillis());
      return timeBudget > 0 && System.nanoTime() - started >= timeBudget;
    }

    private ExplorationResult timeBudgetSpent(int budget) {
      String spent = TimeBudgetNote.spent(settings, coverage.schedules(), share(budget));
      String note = plan.policy().note().isEmpty() ? spent : spent + " " + plan.policy().note();
      return new ExplorationResult(coverage.schedules(), plan.strategy(), plan.seed(), false,
          ShardNotes.withShard(note, shard, plan.unsplit(), budget),
          plan.declared().coverage(coverage));
    }

    /** The result when every schedule of the budget passed. */
    private ExplorationResult passed(int budget) {
      ReplayPolicy replay = plan.replay();
      String note = plan.lenient() != null ? LenientReplayNotes.passed(plan.lenient(), budget)
          : plan.policy().note();
      if (replay != null && note.isEmpty() && replay.unused() > 0) {
        note = "The pinned schedule diverged: it ended after " + (replay.total() - replay.unused())
            + " of the token's " + replay.total() + " choices, so the code changed since the token"
            + " was recorded (as a fix does); the schedule passed.";
      } else if (replay != null && note.isEmpty()) {
        note = "The replayed schedule " + plan.token().schedule() + " passed.";
      }
      if (replay != null) note += EarlierTokens.note(plan.token());
      note = ParallelExplorer.withWhySequential(note, settings, plan.unsplit(), hasMoreBodies);
      return new ExplorationResult(coverage.schedules(), plan.strategy(), plan.seed(), false,
          ShardNotes.withShard(note, shard, plan.unsplit(), budget),
          plan.declared().coverage(coverage));
    }

    private int share(int budget) {
      return plan.unsplit() ? budget : shard.share(budget);
    }
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
