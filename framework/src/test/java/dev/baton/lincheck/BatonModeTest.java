package dev.baton.lincheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.lincheck.specs.BrokenCounterSpec;
import dev.baton.lincheck.specs.BrokenTreiberStackSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * Baton's mode on its own: what a violation report shows, that its token replays the same
 * schedule (same scenario, same interleaving, same history), and that the same seed explores the
 * same way.
 */
class BatonModeTest {
  private static final Map<String, String> BATON_ONLY = Map.of();

  private static InterleavingFailure batonFailure(Class<?> spec, Map<String, String> config) {
    var results = LincheckEngine.execute(
        java.util.List.of(DiscoverySelectors.selectMethod(spec.getName() + "#baton")), config);
    Throwable failure = LincheckEngine.failureOf(LincheckEngine.resultsByMode(results), "baton");
    assertThat(failure).isInstanceOf(InterleavingFailure.class);
    return (InterleavingFailure) failure;
  }

  @Test
  void aViolationShowsTheHistoryTheTraceAndAReplayToken() {
    InterleavingFailure failure = batonFailure(BrokenCounterSpec.class, Map.of("baton.seed", "7"));
    String report = failure.getMessage();
    System.out.println(report);

    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.EXCEPTION);
    assertThat(report.lines().findFirst().orElseThrow()).isEqualTo(
        LinearizabilityViolation.class.getName() + ": not linearizable: no order of these"
            + " operations, each taking effect between its call and its return, gives these"
            + " results in the sequential BrokenCounterSpec");
    // The per-thread table, the calls and returns in order, the checker's best attempt.
    assertThat(report).containsPattern("\\| thread-1 +\\| thread-2 +\\|")
        .contains("Calls and returns, in the order they happened:", "call   increment()",
            "return increment(): ", "agrees with", "would give ")
        // Baton's own report: the interleaving with the spec's lines, the replay lines.
        .contains("BrokenCounterSpec.increment(BrokenCounterSpec.java:", "write BrokenCounterSpec.count")
        .contains("mvn test -Dtest=BrokenCounterSpec#baton -Dbaton.replay=" + failure.replayToken())
        .contains("@CheckLinearizability(replay = \"" + failure.replayToken() + "\")");
  }

  @Test
  void theTokenReplaysTheSameScenarioAndInterleaving() {
    InterleavingFailure found = batonFailure(BrokenTreiberStackSpec.class, BATON_ONLY);

    InterleavingFailure replayed = batonFailure(
        BrokenTreiberStackSpec.class, Map.of("baton.replay", found.replayToken()));

    assertThat(replayed.getMessage()).contains("Baton replayed schedule " + found.schedule());
    assertThat(replayed.trace()).isEqualTo(found.trace());
    assertThat(replayed.getCause().getMessage()).isEqualTo(found.getCause().getMessage());
    assertThat(replayed.replayToken()).isEqualTo(found.replayToken());
  }

  @Test
  void theSameSeedFindsTheSameScheduleAndHistory() {
    InterleavingFailure first = batonFailure(BrokenCounterSpec.class, Map.of("baton.seed", "11"));
    InterleavingFailure second = batonFailure(BrokenCounterSpec.class, Map.of("baton.seed", "11"));

    assertThat(second.schedule()).isEqualTo(first.schedule());
    assertThat(second.getMessage()).isEqualTo(first.getMessage());
  }
}
