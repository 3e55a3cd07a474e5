package dev.baton.lincheck;

import dev.baton.Strategy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.platform.commons.annotation.Testable;

/**
 * Checks a Lincheck specification class for linearizability, from the {@code baton} engine: put it
 * on a class whose public methods carry Lincheck's {@code @Operation}. The class is the concurrent
 * structure (or wraps one) and, as in Lincheck, also its own sequential specification: each
 * operation run one at a time on a fresh instance must give the results a correct concurrent run
 * could have given.
 *
 * <p>Each of {@link #modes()} is a test of its own under the class: Lincheck's model checking,
 * Lincheck's stress testing, and {@link LincheckMode#BATON Baton's own scheduler}, which checks
 * every history it explores and prints a {@code -Dbaton.replay} token for a violation. The Lincheck
 * modes need {@code org.jetbrains.lincheck:lincheck} on the test class path; so does Baton's mode,
 * because the {@code @Operation} and {@code @Param} annotations come from it.
 *
 * <p>The defaults keep a unit-test build fast (a few seconds per mode) and still find common bugs;
 * raise them for a nightly build with the {@code baton.lincheck.*} configuration keys, or {@code
 * baton.schedules} for Baton's mode.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Testable
public @interface CheckLinearizability {
  /** Default of {@link #iterations()}. */
  int DEFAULT_ITERATIONS = 10;

  /** Default of {@link #invocations()}. */
  int DEFAULT_INVOCATIONS = 500;

  /** Default of {@link #schedules()}. */
  int DEFAULT_SCHEDULES = 1000;

  /** The checks to run, each one test; by default Lincheck's model checking and Baton's own. */
  LincheckMode[] modes() default {LincheckMode.MODEL_CHECKING, LincheckMode.BATON};

  /** Lincheck modes: how many scenarios to generate ({@code baton.lincheck.iterations}). */
  int iterations() default DEFAULT_ITERATIONS;

  /** Lincheck modes: how many runs of each scenario ({@code baton.lincheck.invocations}). */
  int invocations() default DEFAULT_INVOCATIONS;

  /** Threads of every scenario, in every mode ({@code baton.lincheck.threads}). */
  int threads() default 2;

  /** Operations per thread of every scenario, in every mode ({@code baton.lincheck.actorsPerThread}). */
  int actorsPerThread() default 2;

  /**
   * Baton's mode: how many schedules to explore, each with a scenario generated from the
   * schedule's seed ({@code baton.schedules}).
   */
  int schedules() default DEFAULT_SCHEDULES;

  /** Baton's mode: the strategy ({@code baton.strategy}). */
  Strategy strategy() default Strategy.RANDOM;

  /** Baton's mode: the seed; 0 picks one and prints it ({@code baton.seed}). */
  long seed() default 0;

  /**
   * Baton's mode: a token to replay instead of exploring, as printed by a violation; a pinned
   * regression test ({@code -Dbaton.replay} replays strictly instead).
   */
  String replay() default "";
}
