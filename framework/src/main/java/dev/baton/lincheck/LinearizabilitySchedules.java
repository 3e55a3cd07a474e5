package dev.baton.lincheck;

import dev.baton.instrument.InstrumentedCode;
import dev.baton.instrument.InstrumentingClassLoader;
import dev.baton.instrument.Site;
import dev.baton.instrument.SiteKind;
import dev.baton.instrument.Sites;
import dev.baton.runtime.Hooks;
import dev.baton.scheduler.ScheduleBody;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One schedule of Baton's mode: a scenario drawn from the schedule's own random stream, run on a
 * fresh instance of the instrumented spec by one managed thread per scenario thread, its history
 * recorded and checked for linearizability against the spec run sequentially. A violation fails
 * the schedule, so Baton reports it with its interleaving and replay token; the token's schedule
 * draws the same scenario again.
 */
final class LinearizabilitySchedules implements ScheduleBody {
  /** Where the scenario's main thread waits for its threads, as a trace shows it. */
  private static final int JOIN_SITE = Sites.register(new Site(
      LinearizabilitySchedules.class.getName(), "run", "LinearizabilitySchedules.java", -1,
      SiteKind.JOIN, null));

  /** The thread number of the initial and final parts, which the main thread runs alone. */
  static final int INIT = -1;

  private final SpecOperations spec;
  private final SequentialSpecification sequential;
  private final InstrumentedCode code;
  private final boolean freshStatics;
  private final int threads;
  private final int actorsPerThread;
  private SpecTwin twin;

  LinearizabilitySchedules(SpecOperations spec, InstrumentedCode code, boolean freshStatics,
      int threads, int actorsPerThread) {
    this.spec = spec;
    this.sequential = new SequentialSpecification(spec.spec());
    this.code = code;
    this.freshStatics = freshStatics;
    this.threads = threads;
    this.actorsPerThread = actorsPerThread;
  }

  /** Resolves the spec's instrumented twin now, so that a problem shows before exploring. */
  void prepare() throws ReflectiveOperationException {
    twin = new SpecTwin(code.newLoader(), spec);
  }

  @Override
  public void run() throws Throwable {
    if (twin == null
        || freshStatics && twin.loader instanceof InstrumentingClassLoader l && l.definedStaticState()) {
      twin = new SpecTwin(code.newLoader(), spec);
    }
    Thread.currentThread().setContextClassLoader(twin.loader);
    // The schedule's own stream: the same seed and schedule number give the same scenario.
    Scenario scenario =
        Scenario.generate(spec, threads, actorsPerThread, new SplittableRandom(Hooks.randomSeed()));
    Object instance = twin.newInstance();
    History history = new History();
    new ActorRunner(INIT, scenario.init(), instance, twin, history).run();
    Thread[] started = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      started[t] = new Thread(
          new ActorRunner(t, scenario.threads().get(t), instance, twin, history),
          LinearizabilityViolation.threadName(t));
      started[t].start();
    }
    for (Thread t : started) Hooks.join(t, JOIN_SITE);
    new ActorRunner(INIT, scenario.post(), instance, twin, history).run();
    List<History.Operation> operations = history.operations();
    LinearizabilityChecker.Violation violation =
        LinearizabilityChecker.check(operations, sequential);
    if (violation != null) {
      throw LinearizabilityViolation.of(spec.spec(), threads, operations, violation);
    }
  }
}
