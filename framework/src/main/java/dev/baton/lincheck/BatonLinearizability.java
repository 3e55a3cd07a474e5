package dev.baton.lincheck;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.instrument.InstrumentedCode;
import dev.baton.scheduler.ExplorationSettings;
import dev.baton.scheduler.Explorer;
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
   */
  static ExplorationResult explore(Class<?> spec, ExplorationSettings settings, int threads,
      int actorsPerThread, List<String> exclusions) throws ReflectiveOperationException {
    SpecOperations operations = SpecOperations.of(spec);
    ClassLoader parent =
        spec.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : spec.getClassLoader();
    LinearizabilitySchedules schedules = new LinearizabilitySchedules(operations,
        InstrumentedCode.shared(parent, exclusions), settings.freshStatics(), threads,
        actorsPerThread);
    schedules.prepare();
    try {
      return Explorer.explore(settings, schedules);
    } catch (InterleavingFailure failure) {
      throw pinnedWithThisAnnotation(failure);
    }
  }

  /** The report says how to pin the token with {@code @CheckLinearizability(replay = ...)}. */
  private static InterleavingFailure pinnedWithThisAnnotation(InterleavingFailure f) {
    String message = f.getMessage().replace(
        "@ExploreInterleavings(replay = \"", "@CheckLinearizability(replay = \"");
    InterleavingFailure pinned = new InterleavingFailure(message, f.getCause(), f.kind(),
        f.replayToken(), f.strategy(), f.seed(), f.schedule(), f.trace());
    pinned.setStackTrace(f.getStackTrace());
    return pinned;
  }
}
