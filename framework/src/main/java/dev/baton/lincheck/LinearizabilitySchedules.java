package dev.baton.lincheck;

import dev.baton.instrument.InstrumentedCode;
import dev.baton.scheduler.ScenarioLoader;
import dev.baton.scheduler.ScheduleBody;
import dev.baton.scheduler.ScheduleSupport;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One schedule of Baton's mode: a scenario drawn from the schedule's own random stream, run on a
 * fresh instance of the instrumented spec by one managed thread per scenario thread, its history
 * recorded and checked for linearizability against the spec run sequentially. A violation fails
 * the schedule, so Baton reports it with its interleaving and replay token; the token's schedule
 * draws the same scenario again.
 */
final class LinearizabilitySchedules implements ScheduleBody, AutoCloseable {
  /** Where the scenario's main thread waits for its threads, as a trace shows it. */
  private static final ScheduleSupport.JoinPoint JOIN = ScheduleSupport.joinPoint(
      LinearizabilitySchedules.class.getName(), "run", "LinearizabilitySchedules.java");

  /** The thread number of the initial and final parts, which the main thread runs alone. */
  static final int INIT = -1;

  private final SpecOperations spec;
  private final SequentialProbe probe;
  private final SequentialSpecification sequential;
  private final InstrumentedCode code;
  private final boolean freshStatics;
  private final ScenarioShapes shapes;
  private SpecTwin twin;
  private volatile Scenario lastScenario;
  private volatile History lastHistory;
  private volatile boolean checking;

  LinearizabilitySchedules(SpecOperations spec, InstrumentedCode code, boolean freshStatics,
      ScenarioShapes shapes) {
    this.spec = spec;
    boolean blocking = spec.operations().stream().anyMatch(SpecOperations.OperationMethod::blocking);
    this.probe = blocking ? new SequentialProbe(spec.spec().getSimpleName()) : null;
    this.sequential = new SequentialSpecification(spec.spec(), probe);
    this.code = code;
    this.freshStatics = freshStatics;
    this.shapes = shapes;
  }

  /** Resolves the spec's instrumented twin now, so that a problem shows before exploring. */
  void prepare() throws ReflectiveOperationException {
    twin = new SpecTwin(code.newLoader(), spec);
  }

  /** The scenario of the schedule that ran last (the failing one, once exploring stopped). */
  Scenario lastScenario() {
    return lastScenario;
  }

  /** The operations of the schedule that ran last that were called and never returned. */
  List<History.Operation> pendingOperations() {
    History h = lastHistory;
    return h == null ? List.of()
        : h.operations().stream().filter(op -> !op.completed()).toList();
  }

  /**
   * Whether the last schedule stopped inside the sequential check of its history: then a
   * deadlock is the sequential specification's, not the structure's.
   */
  boolean stoppedInSequentialCheck() {
    return checking;
  }

  @Override
  public void run() throws Throwable {
    checking = false;
    if (twin == null
        || freshStatics && ScenarioLoader.needsNewLoader(twin.loader)) {
      twin = new SpecTwin(code.newLoader(), spec);
    }
    Thread.currentThread().setContextClassLoader(twin.loader);
    // The schedule's own stream: the same seed and schedule number give the same scenario.
    Scenario scenario = shapes.generate(spec, new SplittableRandom(ScheduleSupport.scheduleSeed()));
    lastScenario = scenario;
    Object instance = twin.newInstance();
    History history = new History();
    lastHistory = history;
    new ActorRunner(INIT, scenario.init(), instance, twin, history).run();
    int threads = scenario.threads().size();
    Thread[] started = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      started[t] = new Thread(
          new ActorRunner(t, scenario.threads().get(t), instance, twin, history),
          LinearizabilityViolation.threadName(t));
      started[t].start();
    }
    for (Thread t : started) JOIN.join(t);
    new ActorRunner(INIT, scenario.post(), instance, twin, history).run();
    List<History.Operation> operations = history.operations();
    checking = true; // not reset on the way out: a deadlock here unwinds through this method
    LinearizabilityChecker.Violation violation =
        LinearizabilityChecker.check(operations, sequential);
    checking = false;
    if (violation != null) {
      throw LinearizabilityViolation.of(spec.spec(), threads, operations, violation);
    }
  }

  @Override
  public void close() {
    if (probe != null) probe.close();
  }
}
