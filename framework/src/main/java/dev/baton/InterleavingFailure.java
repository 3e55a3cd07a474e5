package dev.baton;

import org.apiguardian.api.API;

/**
 * A schedule under which the scenario failed: the report Baton prints, and the data behind it.
 *
 * <p>The message is the whole report: what failed, the interleaving that led there, the strategy,
 * seed and schedule number, and a line {@code -Dbaton.replay=TOKEN} that reproduces it. The cause,
 * when there is one, is the exception the scenario threw.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class InterleavingFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  /** What kind of failure the schedule ended in. */
  public enum Kind {
    /** An exception or assertion error escaped a managed thread. */
    EXCEPTION,
    /** Every live thread was blocked, each waiting for another. */
    DEADLOCK,
    /** The scenario finished while threads it started were still blocked. */
    BLOCKED_AT_END,
    /** A schedule took more scheduling points than its bound allows. */
    NON_TERMINATION,
    /** A thread's recursion passed the stack depth bound: it would overflow its stack. */
    RECURSION,
    /** A strict replay no longer matched the code: the recorded choices did not apply. */
    DIVERGENCE,
    /** Baton could not run the scenario under control (instrumentation, thread outside the model). */
    UNCONTROLLED
  }

  private final Kind kind;
  private final String replayToken;
  private final Strategy strategy;
  private final long seed;
  private final int schedule;
  private final String trace;

  /** Creates the failure; Baton's scheduler does this, tests rarely need to. */
  public InterleavingFailure(
      String message,
      Throwable cause,
      Kind kind,
      String replayToken,
      Strategy strategy,
      long seed,
      int schedule,
      String trace) {
    super(message, cause);
    this.kind = kind;
    this.replayToken = replayToken;
    this.strategy = strategy;
    this.seed = seed;
    this.schedule = schedule;
    this.trace = trace;
  }

  public Kind kind() {
    return kind;
  }

  /** The token that replays this schedule: pass it as {@code -Dbaton.replay=} or pin it. */
  public String replayToken() {
    return replayToken;
  }

  public Strategy strategy() {
    return strategy;
  }

  public long seed() {
    return seed;
  }

  /** The 1-based number of the failing schedule within its exploration. */
  public int schedule() {
    return schedule;
  }

  /** The interleaving as text: one line per step, labelled by thread, with source locations. */
  public String trace() {
    return trace;
  }
}
