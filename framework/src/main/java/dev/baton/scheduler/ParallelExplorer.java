package dev.baton.scheduler;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Strategy;
import dev.baton.strategy.SchedulePolicy;
import dev.baton.strategy.Seeds;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs the schedules of one exploration on several workers at once ({@code baton.parallelism}),
 * with the results and replay tokens of the single-core run.
 *
 * <p>Why that holds: schedule {@code i} depends on the seed and {@code i} only (each worker has a
 * policy of its own, seeded per schedule; PCT's step range comes from schedule 0, which runs first,
 * alone), and every schedule starts from fresh static state in its worker's own class loaders, so
 * it does what it does in the single run. Workers take schedule numbers in increasing order; once
 * a schedule fails, no schedule with a higher number starts, and the ones with lower numbers still
 * running finish: the failure reported is the one with the lowest number, the one the single run
 * stops at. The hooks reach each schedule's scheduler through a {@link HookDispatch} keyed by
 * thread, installed for the whole exploration.
 */
final class ParallelExplorer {
  private final ExplorationSettings settings;
  private final Strategy strategy;
  private final long seed;
  private final int budget;
  private final ShardPlan shard;
  private final long started = System.nanoTime();
  private final long timeBudget;
  private final HookDispatch dispatch;

  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger lowestFailure = new AtomicInteger(Integer.MAX_VALUE);
  private final AtomicBoolean outOfTime = new AtomicBoolean();
  private InterleavingFailure failure; // guarded by this
  private int failureIndex = Integer.MAX_VALUE; // guarded by this
  private Throwable broken; // guarded by this
  private Scheduler failedSchedule; // guarded by this
  private Worker failedWorker; // guarded by this

  private ParallelExplorer(ExplorationSettings settings, Strategy strategy, long seed) {
    this.settings = settings;
    this.strategy = strategy;
    this.seed = seed;
    this.budget = settings.schedules();
    this.shard = settings.shard();
    this.timeBudget = TimeUnit.MILLISECONDS.toNanos(settings.timeBudgetMillis());
    this.dispatch = new HookDispatch(
        new Scheduler(Explorer.policyFor(strategy, seed, settings), settings, 0));
  }

  /**
   * Explores with {@code workers >= 2} workers: the first runs {@code firstBody}, every other one a
   * body of its own from {@code moreBodies} (its own class loaders).
   */
  static ExplorationResult explore(ExplorationSettings settings, Strategy strategy, long seed,
      int workers, ScheduleBody firstBody, Supplier<ScheduleBody> moreBodies)
      throws InterruptedException {
    return new ParallelExplorer(settings, strategy, seed).run(workers, firstBody, moreBodies);
  }

  /**
   * {@code note}, with why the schedules ran one at a time although {@code baton.parallelism} asked
   * for more.
   */
  static String withWhySequential(
      String note, ExplorationSettings settings, boolean unsplit, boolean hasBodies) {
    if (settings.workers() <= 1) return note;
    String why = !settings.freshStatics()
        ? "baton.parallelism needs fresh static state (schedules sharing classes would share their"
            + " static fields): the schedules ran one at a time."
        : unsplit && settings.replayToken() != null ? "" // a replay is one schedule anyway
        : unsplit ? "baton.parallelism does not apply to EXHAUSTIVE, whose schedules each depend on"
            + " the ones before: they ran one at a time."
        : !hasBodies ? "baton.parallelism runs schedules at once only when they share nothing: this"
            + " scenario lambda captures values, which all its schedules share, so they ran one at"
            + " a time."
        : "";
    if (why.isEmpty()) return note;
    return note == null || note.isEmpty() ? why : note + " " + why;
  }

  private ExplorationResult run(int count, ScheduleBody firstBody, Supplier<ScheduleBody> more)
      throws InterruptedException {
    Worker[] workers = new Worker[count];
    for (int k = 0; k < count; k++) workers[k] = new Worker(k == 0 ? firstBody : more.get());
    Thread[] threads = new Thread[count];
    try {
      dispatch.install();
      try {
        if (workers[0].policy.learnsFromFirstSchedule()) {
          // Schedule 0 alone first: the others learn from it, as in the single run.
          Scheduler first = workers[0].runSchedule(0, shard.owns(0));
          for (int k = 1; k < count; k++) {
            workers[k].policy.beginSchedule(0);
            workers[k].policy.endSchedule(first.steps());
            workers[k].policy.learnFrom(workers[0].policy);
          }
          next.set(1);
        }
        for (int k = 0; k < count; k++) {
          Worker w = workers[k];
          threads[k] = new Thread(w::loop, "baton-explorer-" + (k + 1));
          threads[k].setDaemon(true);
          threads[k].start();
        }
        for (Thread t : threads) t.join();
      } catch (InterruptedException e) {
        // Cancelled (a timeout, a stopped build): no worker may run on once this returns, with
        // the hooks gone or, worse, another exploration's installed. Each ends its schedule.
        lowestFailure.set(-1);
        awaitUninterruptibly(threads);
        throw e;
      } finally {
        dispatch.uninstall();
      }
      synchronized (this) {
        if (broken instanceof RuntimeException e) throw e;
        if (broken instanceof Error e) throw e;
        if (broken != null) throw new IllegalStateException("a Baton explorer failed", broken);
      }
      if (failure != null) throw shortened();
    } finally {
      for (Worker w : workers) w.main.close();
    }
    Coverage coverage = new Coverage();
    for (Worker w : workers) coverage.addAll(w.coverage);
    String note = "Ran " + count + " schedules at a time (baton.parallelism).";
    if (outOfTime.get()) {
      note = TimeBudgetNote.spent(settings, coverage.schedules(), shard.share(budget)) + " " + note;
    }
    return new ExplorationResult(coverage.schedules(), strategy, seed, false,
        ShardNotes.withShard(note, shard, false, budget),
        workers[0].policy.coverage(coverage));
  }

  private static void awaitUninterruptibly(Thread[] threads) {
    boolean interrupted = false;
    for (Thread t : threads) {
      while (t != null && t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException again) {
          interrupted = true;
        }
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  private synchronized void failed(int index, InterleavingFailure f, Scheduler s, Worker w) {
    if (index < failureIndex) {
      failureIndex = index;
      failure = f;
      failedSchedule = s;
      failedWorker = w;
    }
  }

  /**
   * The failure, shortened as the single run shortens it ({@link ShrunkFailure}), one schedule at
   * a time on the worker that found it, once the others have stopped.
   */
  private InterleavingFailure shortened() throws InterruptedException {
    Worker w;
    Scheduler found;
    int number;
    InterleavingFailure report;
    synchronized (this) {
      w = failedWorker;
      found = failedSchedule;
      number = failureIndex + 1;
      report = failure;
    }
    return ShrunkFailure.of(report, found, settings, strategy, seed, number, p -> {
      Scheduler again = new Scheduler(p, settings, Seeds.forValues(seed, number));
      again.run(w.body, w.main);
      return again;
    });
  }

  private synchronized void broke(Throwable t) {
    if (broken == null) broken = t;
    lowestFailure.set(-1); // stop every worker
  }

  /** One worker: its own policy, main thread, schedule body and coverage. */
  private final class Worker {
    final SchedulePolicy policy = Explorer.policyFor(strategy, seed, settings);
    final MainThread main = new MainThread();
    final Coverage coverage = new Coverage();
    final ScheduleBody body;

    Worker(ScheduleBody body) {
      this.body = body;
    }

    void loop() {
      try {
        while (true) {
          if (timeBudget > 0 && System.nanoTime() - started >= timeBudget) {
            outOfTime.set(true);
            return;
          }
          int i = next.getAndIncrement();
          if (i >= budget || i > lowestFailure.get()) return;
          if (!shard.owns(i)) continue;
          runSchedule(i, true);
        }
      } catch (Throwable t) {
        broke(t);
      }
    }

    /** Runs schedule {@code index}; counts and reports it when {@code owned}. */
    Scheduler runSchedule(int index, boolean owned) throws InterruptedException {
      policy.beginSchedule(index);
      int number = index + 1;
      Scheduler scheduler = new Scheduler(policy, settings, Seeds.forValues(seed, number));
      scheduler.dispatch = dispatch;
      scheduler.run(body, main);
      policy.endSchedule(scheduler.steps());
      if (!owned) return scheduler;
      coverage.add(index, scheduler);
      Failure f = scheduler.failure();
      if (f != null) {
        lowestFailure.accumulateAndGet(index, Math::min);
        String token = new ReplayToken(settings.scenarioId().hashCode(), strategy, seed, number,
            settings.maxPauseMillis(), settings.spuriousWakeups(), scheduler.choices()).encode();
        failed(index, FailureReport.build(
            f, scheduler, settings, strategy, seed, number, false, token), scheduler, this);
      }
      return scheduler;
    }
  }
}
