package dev.baton.strategy;

import dev.baton.Strategy;
import dev.baton.config.Defaults;
import org.apiguardian.api.API;

/**
 * Maps a {@link Strategy} to the policy that makes its choices, and answers what a strategy
 * supports for code that only knows its name. Nothing outside the policies tests for a particular
 * strategy: each policy declares what it supports ({@link SchedulePolicy#splittable()}, {@link
 * SchedulePolicy#coverage}, {@link SchedulePolicy#afterLenientReplay}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Strategies {
  private Strategies() {}

  /**
   * A fresh policy for {@code strategy}, drawing from {@code seed}.
   *
   * @param pctDepth PCT's bug depth, at least 1
   * @param maxPreemptions the exhaustive search's last round, at least 0
   * @param reduction whether the exhaustive search applies partial-order reduction
   */
  public static SchedulePolicy policy(
      Strategy strategy, long seed, int pctDepth, int maxPreemptions, boolean reduction) {
    return switch (strategy) {
      case RANDOM -> new RandomPolicy(seed);
      case PCT -> new PctPolicy(seed, pctDepth);
      case POS -> new PosPolicy(seed);
      case EXHAUSTIVE -> new ExhaustivePolicy(maxPreemptions, reduction);
      case PORTFOLIO -> new PortfolioPolicy(seed);
    };
  }

  /**
   * Whether {@code strategy} enumerates the schedules, so that an exploration can end complete
   * ({@link dev.baton.ExplorationResult#complete()} is worth reporting).
   */
  public static boolean enumerates(Strategy strategy) {
    return strategy != null
        && policy(strategy, 0, 1, Defaults.MAX_PREEMPTIONS, Defaults.REDUCTION).enumerates();
  }
}
