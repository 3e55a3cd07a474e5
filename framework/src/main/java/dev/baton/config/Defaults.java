package dev.baton.config;

import org.apiguardian.api.API;

/**
 * The one place of Baton's default settings. {@link dev.baton.ExploreInterleavings}'s attributes
 * use these constants (an annotation default must be a constant, so the strategy's default is
 * spelled there and a test checks it equals {@link #STRATEGY_NAME}), and so do {@code
 * Interleavings.configure()}, the settings builder and the configuration keys' documentation.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Defaults {
  private Defaults() {}

  /** Schedules an exploration may run. */
  public static final int SCHEDULES = 1000;

  /**
   * The name of the default {@link dev.baton.Strategy}: the portfolio, which finds more of the
   * benchmark's classic bugs at the default budget than any single strategy.
   */
  public static final String STRATEGY_NAME = "PORTFOLIO";

  /** The seed: 0 picks one at random and prints it. */
  public static final long SEED = 0;

  /** No replay token: explore. */
  public static final String REPLAY = "";

  /** PCT's bug depth. */
  public static final int PCT_DEPTH = 3;

  /**
   * Scheduling points one schedule may take before it counts as not terminating, when no cycle
   * without progress showed earlier: large, so that long healthy programs pass.
   */
  public static final int MAX_STEPS = 10_000_000;

  /** Every schedule sees fresh static state. */
  public static final boolean FRESH_STATICS = true;

  /** Virtual-time pause budget of a schedule: a plausible production pause (a long GC, a slow disk). */
  public static final long MAX_PAUSE_MILLIS = 1_000;

  /** Waits return only when notified. */
  public static final boolean SPURIOUS_WAKEUPS = false;

  /** The exhaustive search's preemption bound: nearly every known concurrency bug needs at most two. */
  public static final int MAX_PREEMPTIONS = 2;

  /** The exhaustive search applies partial-order reduction. */
  public static final boolean REDUCTION = true;

  /** A replay that no longer matches the code does not explore on. */
  public static final boolean LENIENT_REPLAY = false;

  /** An exploration its time budget cut short passes, with a note saying how far it got. */
  public static final boolean FAIL_ON_BUDGET = false;

  /** Schedules Baton may run to shorten a failure. */
  public static final int SHRINK_ATTEMPTS = 200;

  /** Wall-clock time shrinking may take. */
  public static final long SHRINK_MILLIS = 1_000;

  /** Wall-clock time a thread may spend outside Baton's control. */
  public static final long WATCHDOG_MILLIS = 10_000;

  /** Wall-clock time of a whole exploration: generous, but a build never waits hours for one test. */
  public static final long TIME_BUDGET_MILLIS = 600_000;

  /** Schedules that run at once. */
  public static final int PARALLELISM = 1;

  /** Seconds between two progress lines: often enough to show life, rare enough to stay calm. */
  public static final long PROGRESS_SECONDS = 10;

  /** Progress lines: on unless the environment variable CI is set. */
  public static final String PROGRESS = "auto";

  /** Watchdog of one check in Lincheck's own modes, in seconds: far above a unit-test check, far below a hung build. */
  public static final long LINCHECK_TIMEOUT_SECONDS = 300;

  /** Interleavings Baton may enumerate per JCStress test. */
  public static final int JCSTRESS_MAX_SCHEDULES = 20_000;
}
