package dev.baton.lincheck;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;

/**
 * The only class that touches Lincheck's API. It is loaded when a Lincheck mode runs, after {@link
 * LincheckRunner} has checked that Lincheck is on the class path, so that a user without Lincheck
 * never meets a {@code NoClassDefFoundError}.
 */
final class LincheckChecks {
  private LincheckChecks() {}

  /** Runs Lincheck on {@code spec}; throws Lincheck's {@code LincheckAssertionError} on a bug. */
  static void check(LincheckMode mode, Class<?> spec, LincheckSettings settings) {
    Options<?, ?> options = switch (mode) {
      case MODEL_CHECKING -> new ModelCheckingOptions();
      case STRESS -> new StressOptions();
      case BATON -> throw new IllegalArgumentException("Baton's mode does not run Lincheck");
    };
    options.iterations(settings.iterations());
    options.invocationsPerIteration(settings.invocations());
    options.threads(settings.threads());
    options.actorsPerThread(settings.actorsPerThread());
    options.minimizeFailedScenario(settings.minimize());
    options.check(spec);
  }
}
