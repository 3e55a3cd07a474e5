package dev.baton.lincheck;

import dev.baton.config.Defaults;

/**
 * The scenario sizes and budgets of one {@link CheckLinearizability} class, with configuration keys
 * applied.
 *
 * @param iterations scenarios Lincheck generates
 * @param invocations runs of each scenario under Lincheck
 * @param threads threads of every scenario
 * @param actorsPerThread operations per thread
 * @param timeoutSeconds how long one Lincheck check may take before the watchdog stops it
 * @param minimize whether Lincheck shrinks a failing scenario before reporting it (clearer
 *     report, more time)
 */
record LincheckSettings(int iterations, int invocations, int threads, int actorsPerThread,
    long timeoutSeconds, boolean minimize) {

  /** Default of {@link #timeoutSeconds()}: far above a unit-test check, far below a hung build. */
  static final long DEFAULT_TIMEOUT_SECONDS = Defaults.LINCHECK_TIMEOUT_SECONDS;

  /** What Lincheck's table and Baton's summary line say about the sizes. */
  String describe() {
    return iterations + " iterations x " + invocations + " invocations, " + threads
        + " threads x " + actorsPerThread + " operations";
  }
}
