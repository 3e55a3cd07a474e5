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
    // The same scenario shape as Baton's mode: initial and final parts of up to actorsPerThread
    // operations. Lincheck's default of 5 each made its model checking find a check-then-act on
    // a map about ten times later (keys were nearly always put by the initial part already).
    options.actorsBefore(settings.actorsPerThread());
    options.actorsAfter(settings.actorsPerThread());
    options.minimizeFailedScenario(settings.minimize());
    options.check(spec);
  }
}
