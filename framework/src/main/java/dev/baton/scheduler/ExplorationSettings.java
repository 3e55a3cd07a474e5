package dev.baton.scheduler;

import dev.baton.Strategy;

/**
 * Everything an exploration needs besides the code it runs; resolved from the annotation or the
 * programmatic options with configuration keys applied.
 *
 * @param scenarioId stable id of the scenario ({@code com.acme.TransferTest#charges}); replay tokens
 *     carry its hash so that {@code -Dbaton.replay} only applies to the scenario that printed it
 * @param replayHint how to re-run just this scenario, printed before the replay option, for example
 *     {@code mvn test -Dtest=TransferTest#charges}; may be empty
 * @param strategy the strategy
 * @param schedules the budget, at least 1
 * @param seed the seed; 0 means pick one
 * @param replayToken a token to replay instead of exploring, or {@code null}
 * @param strictReplay true: a replay that no longer matches the code fails (debugging with
 *     {@code -Dbaton.replay}); false: it completes deterministically and notes the divergence
 *     (a pinned regression test, which must pass once the bug is fixed)
 * @param pctDepth PCT's bug depth, at least 1
 * @param maxSteps scheduling points one schedule may take before it counts as not terminating
 * @param annotated true for an {@code @ExploreInterleavings} test, false for {@code Interleavings}:
 *     decides how the report says to pin the failure as a regression test
 */
public record ExplorationSettings(
    String scenarioId,
    String replayHint,
    Strategy strategy,
    int schedules,
    long seed,
    String replayToken,
    boolean strictReplay,
    int pctDepth,
    int maxSteps,
    boolean annotated) {}
