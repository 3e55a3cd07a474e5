package dev.baton.scheduler;

import dev.baton.Strategy;
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

  /** A fresh policy for {@code strategy}, drawing from {@code seed}. */
  static SchedulePolicy policy(Strategy strategy, long seed, ExplorationSettings settings) {
    return policy(strategy, seed, settings.pctDepth(), settings.search());
  }

  private static SchedulePolicy policy(
      Strategy strategy, long seed, int pctDepth, SearchSettings search) {
    return switch (strategy) {
      case RANDOM -> new RandomPolicy(seed);
      case PCT -> new PctPolicy(seed, pctDepth);
      case POS -> new PosPolicy(seed);
      case EXHAUSTIVE -> new ExhaustivePolicy(search.maxPreemptions(), search.reduction());
      case PORTFOLIO -> new PortfolioPolicy(seed);
    };
  }

  /** What chooses after a lenient replay leaves a token that {@code strategy} recorded. */
  static SchedulePolicy afterLenientReplay(
      Strategy strategy, long seed, ExplorationSettings settings) {
    return policy(strategy, seed, settings).afterLenientReplay(seed);
  }

  /**
   * Whether {@code strategy} enumerates the schedules, so that an exploration can end complete
   * ({@link dev.baton.ExplorationResult#complete()} is worth reporting).
   */
  public static boolean enumerates(Strategy strategy) {
    return strategy != null && policy(strategy, 0, 1, SearchSettings.DEFAULTS).enumerates();
  }
}
