package dev.baton.lincheck;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.instrument.InstrumentedCode;
import dev.baton.scheduler.ExplorationSettings;
import dev.baton.scheduler.Explorer;
import java.util.ArrayList;
import java.util.List;

/**
 * Baton's mode of {@link CheckLinearizability}: explores schedules of generated scenarios of a
 * Lincheck spec under Baton's scheduler and checks every history for linearizability. Needs none
 * of Lincheck's classes, only its annotations on the spec.
 */
final class BatonLinearizability {
  private BatonLinearizability() {}

  /**
   * Explores {@code spec}.
   *
   * @param spec the spec class as discovered (normally loaded): the sequential specification; its
   *     instrumented twin runs the scenarios
   * @param settings the exploration's settings (budget, strategy, seed, replay ...)
   * @param threads threads of every scenario
   * @param actorsPerThread operations of every thread
   * @param exclusions package prefixes that Baton must not instrument
   * @return what was explored, when every history was linearizable
   * @throws InterleavingFailure for the first schedule whose history is not linearizable, or that
   *     failed otherwise (an operation threw an error, deadlocked, did not terminate)
   * @throws IllegalArgumentException when the spec or a setting cannot be used; the message says
   *     why and how to fix it
   * @throws IllegalStateException when a blocking operation's sequential step ignores interrupts,
   *     which the mode cannot unwind (a misuse, with its fix)
   */
  static ExplorationResult explore(Class<?> spec, ExplorationSettings settings, int threads,
      int actorsPerThread, List<String> exclusions) throws ReflectiveOperationException {
    SpecOperations operations = SpecOperations.of(spec);
    ClassLoader parent =
        spec.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : spec.getClassLoader();
    try (LinearizabilitySchedules schedules = new LinearizabilitySchedules(operations,
        InstrumentedCode.shared(parent, exclusions), settings.freshStatics(),
        new ScenarioShapes(threads, actorsPerThread))) {
      schedules.prepare();
      try {
        return Explorer.explore(settings, schedules);
      } catch (InterleavingFailure failure) {
        if (failure.getCause() instanceof SequentialProbe.IgnoresInterrupts limit) {
          throw new IllegalStateException(spec.getName() + ": " + limit.getMessage(), limit);
        }
        throw withScenario(failure, schedules);
      }
    }
  }

  /**
   * The report with the scenario the failing schedule ran, first (a violation shows it in its own
   * table already), a note when the sequential specification, not the structure, blocked, and how
   * to pin the token with {@code @CheckLinearizability(replay = ...)}.
   */
  private static InterleavingFailure withScenario(
      InterleavingFailure f, LinearizabilitySchedules schedules) {
    String message = f.getMessage().replace(
        "@ExploreInterleavings(replay = \"", "@CheckLinearizability(replay = \"");
    Scenario scenario = schedules.lastScenario();
    if (!(f.getCause() instanceof LinearizabilityViolation) && scenario != null) {
      String section = "Scenario (operations with their arguments; main runs the first and last"
          + " parts alone):\n" + scenario.table() + "\n";
      if (f.kind() == InterleavingFailure.Kind.DEADLOCK && schedules.stoppedInSequentialCheck()) {
        section += "This is not a deadlock of the structure: the run completed, and the check"
            + " of its history blocked while running the spec sequentially, because an operation"
            + " waits for another one. Declare such operations @Operation(blocking = true): a"
            + " sequential step of them that would wait for ever then makes that order impossible,"
            + " as in Lincheck.\n\n";
      } else if (f.kind() == InterleavingFailure.Kind.DEADLOCK) {
        section += blockedOperationsNote(schedules.pendingOperations());
      }
      int paragraph = message.indexOf("\n\n");
      message = paragraph < 0 ? message + "\n\n" + section
          : message.substring(0, paragraph + 2) + section + message.substring(paragraph + 2);
    }
    InterleavingFailure pinned = new InterleavingFailure(message, f.getCause(), f.kind(),
        f.replayToken(), f.strategy(), f.seed(), f.schedule(), f.trace());
    pinned.setStackTrace(f.getStackTrace());
    return pinned;
  }

  /** What the threads of a deadlocked run were doing, when all wait in blocking operations. */
  private static String blockedOperationsNote(List<History.Operation> pending) {
    if (pending.isEmpty() || !pending.stream().allMatch(op -> op.actor.operation().blocking())) {
      return "";
    }
    List<String> where = new ArrayList<>();
    for (History.Operation op : pending) {
      where.add(op.actor + " of " + LinearizabilityViolation.threadName(op.thread));
    }
    return "Every unfinished operation is declared @Operation(blocking = true) and waits: "
        + String.join(", ", where) + ". The scenario may simply have nothing left to wake them (an"
        + " acquire with no release to come), which Baton's mode cannot tell from a lost wake-up"
        + " in the structure; check whether the scenario can finish at all before suspecting the"
        + " structure.\n\n";
  }
}
