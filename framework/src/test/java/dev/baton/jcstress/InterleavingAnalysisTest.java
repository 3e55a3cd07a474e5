package dev.baton.jcstress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.baton.jcstress.nested.NestedRacyFixture;
import dev.baton.jcstress.fixtures.RacyCounterFixture;
import dev.baton.jcstress.fixtures.SeparateStateFixture;
import dev.baton.jcstress.fixtures.StoreBufferingFixture;
import dev.baton.jcstress.fixtures.ThrowingActorFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Baton's own analysis of JCStress tests, without a JCStress run ({@code
 * baton.jcstress.mode=interleavings}): which outcomes interleavings reach, a forbidden one found
 * with a trace and a token that replays it.
 */
class InterleavingAnalysisTest {

  static EngineExecutionResults run(Class<?> fixture, Map<String, String> configuration) {
    return EngineTestKit.engine("baton")
        .selectors(selectClass(fixture))
        .configurationParameter("baton.jcstress.mode", "interleavings")
        .configurationParameters(configuration)
        .execute();
  }

  static Throwable failure(EngineExecutionResults results) {
    return results.testEvents().failed().list().get(0)
        .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

  static Map<String, String> entry(EngineExecutionResults results) {
    return results.allEvents().reportingEntryPublished().list().get(0)
        .getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs();
  }

  @Test
  void aForbiddenOutcomeReachableByInterleavingFailsWithATraceAndAToken() {
    EngineExecutionResults results = run(RacyCounterFixture.class, Map.of());
    results.testEvents().assertStatistics(s -> s.started(1).failed(1));
    Throwable failure = failure(results);
    assertThat(failure).isInstanceOf(JCStressFailure.class);
    assertThat(failure.getMessage())
        .contains("a forbidden outcome is reachable by interleaving alone")
        .contains("JCStress outcome [1] is Forbidden (Lost update.)")
        .contains("Interleaving (")
        .contains("RacyCounterFixture.actor")
        .containsPattern("mvn test -Dtest=RacyCounterFixture -Dbaton.jcstress.mode=interleavings"
            + " -Dbaton.replay=\\S+")
        .doesNotContain("Interleavings.configure()")
        .containsPattern("\\n\\s+1\\s+-\\s+Forbidden\\s+reachable by interleaving\\s+Lost update\\.")
        .containsPattern("\\n\\s+2\\s+-\\s+Acceptable\\s+reachable by interleaving\\s+Both increments");
    assertThat(entry(results)).containsKey("baton.replay");
  }

  @Test
  void theReplayLineOfANestedTestNamesItAsSurefireDoesQuotedForTheShell() {
    EngineExecutionResults results = run(NestedRacyFixture.LostUpdate.class, Map.of());
    results.testEvents().assertStatistics(s -> s.failed(1));
    assertThat(failure(results).getMessage())
        .contains("mvn test -Dtest='NestedRacyFixture$LostUpdate' -Dbaton.jcstress.mode=interleavings"
            + " -Dbaton.replay=");
  }

  @Test
  void theTokenReplaysTheForbiddenInterleaving() {
    EngineExecutionResults original = run(RacyCounterFixture.class, Map.of());
    String token = entry(original).get("baton.replay");
    String originalTrace = trace(failure(original).getMessage());

    EngineExecutionResults replayed = run(RacyCounterFixture.class, Map.of("baton.replay", token));
    replayed.testEvents().assertStatistics(s -> s.failed(1));
    String message = failure(replayed).getMessage();
    assertThat(message).contains("replayed from its token")
        .contains("Baton replayed schedule").contains("JCStress outcome [1] is Forbidden");
    assertThat(trace(message)).isEqualTo(originalTrace);
  }

  private static String trace(String message) {
    int from = message.indexOf("Interleaving (");
    return message.substring(from, message.indexOf("Replay this schedule", from));
  }

  @Test
  void storeBufferingsZeroZeroIsNoInterleavingAndTheTestPasses() {
    EngineExecutionResults results = run(StoreBufferingFixture.class, Map.of());
    results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    assertThat(entry(results).get("baton.interleavings"))
        .startsWith("Baton explored all ")
        .endsWith("reachable by interleaving: [0, 1], [1, 0], [1, 1]");
  }

  @Test
  void stateClassesAndTheDefaultOutcomeAreHandled() {
    EngineExecutionResults results = run(SeparateStateFixture.class, Map.of());
    results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    assertThat(entry(results).get("baton.interleavings"))
        .endsWith("reachable by interleaving: [1, 2], [2, 1]");
  }

  @Test
  void anActorThatThrowsInSomeInterleavingFails() {
    EngineExecutionResults results = run(ThrowingActorFixture.class, Map.of());
    results.testEvents().assertStatistics(s -> s.failed(1));
    assertThat(failure(results).getMessage())
        .contains("an interleaving of the actors fails on its own")
        .contains("reader ran after writer")
        .contains("-Dbaton.replay=");
  }
}
