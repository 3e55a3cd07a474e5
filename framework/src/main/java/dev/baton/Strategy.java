package dev.baton;

import org.apiguardian.api.API;

/**
 * How Baton picks the next thread at each scheduling point while exploring.
 *
 * <p>Every strategy draws its choices from one seeded stream, and every choice is recorded, so any
 * schedule a strategy produces can be replayed exactly from its token.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Strategy {
  /** At every scheduling point, any thread that can run is equally likely to run next. */
  RANDOM,
  /**
   * Probabilistic Concurrency Testing (Burckhardt et al., ASPLOS 2010): random thread priorities
   * plus a few random priority-change points; finds a bug of depth {@code d} with probability at
   * least {@code 1/(n·k^(d-1))} per schedule. The depth is {@link ExploreInterleavings#pctDepth()}.
   */
  PCT,
  /**
   * Partial Order Sampling (Yuan et al., CAV 2018): random priorities per pending operation,
   * re-drawn for the operations that race with the one just executed. Samples distinct partial
   * orders far more evenly than {@link #RANDOM}.
   */
  POS,
  /**
   * Depth-first enumeration of every schedule with at most {@link
   * ExploreInterleavings#maxPreemptions()} preemptions, fewest preemptions first, skipping
   * schedules that only reorder independent steps (dynamic partial-order reduction). When the
   * search ends within the budget, a pass is a proof for that scenario within the bound: every
   * schedule with that many preemptions was run or is equivalent to one that was.
   */
  EXHAUSTIVE,
  /**
   * The schedules of one exploration take turns between a selective random walk (which
   * interleaves threads only where they can interfere, after SURW, ASPLOS 2025: it finds bugs
   * among many threads), {@link #RANDOM}, {@link #PCT} at depths 2 and 3 and {@link #POS}, so that
   * the bugs each of them finds alone are all in reach of one budget. Waking a waiting thread early
   * (a deadline fired by a pause) is drawn rarely, so that threads get to their waits first.
   * Ignores {@link ExploreInterleavings#pctDepth()}.
   */
  PORTFOLIO
}
