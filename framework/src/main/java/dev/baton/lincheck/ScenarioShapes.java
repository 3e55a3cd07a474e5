package dev.baton.lincheck;

import java.util.SplittableRandom;

/**
 * The shape of the scenario each schedule of Baton's mode draws: how many threads, how many
 * operations each. Today one shape, the configured one.
 *
 * @param threads threads of every scenario
 * @param actorsPerThread operations of every thread
 */
record ScenarioShapes(int threads, int actorsPerThread) {
  /** The scenario of one schedule, drawn from its stream. */
  Scenario generate(SpecOperations spec, SplittableRandom random) {
    return Scenario.generate(spec, threads, actorsPerThread, random);
  }
}
