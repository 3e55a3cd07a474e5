package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.baton.InterleavingFailure;
import dev.baton.engine.fixtures.races.LostUpdateFixture;
import dev.baton.engine.fixtures.races.PinnedRaceFixture;
import dev.baton.engine.fixtures.races.SafeCounterFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The core promise end to end through the engine: find, report, replay; never flag correct code. */
class EngineRaceTest {

  @Test
  void findsTheLostUpdateAndReportsHowToReplayIt() {
    InterleavingFailure failure = failureOf(run(Map.of()));
    assertThat(failure.getMessage())
        .startsWith("java.lang.AssertionError: lost update: 1 (thrown in main)")
        .contains("strategy RANDOM, seed 7")
        .containsPattern("Baton found it in schedule \\d+ of 1000")
        .contains("mvn test -Dtest=LostUpdateFixture#bothIncrementsLand -Dbaton.replay=" + failure.replayToken())
        .contains("@ExploreInterleavings(replay = \"" + failure.replayToken() + "\")")
        .contains("read LostUpdateFixture.count")
        .contains("write LostUpdateFixture.count")
        .contains("LostUpdateFixture.lambda$bothIncrementsLand$0(LostUpdateFixture.java:11)");
    assertThat(failure.replayToken()).doesNotContainAnyWhitespaces();
  }

  @Test
  void theTokenAsAConfigurationParameterReplaysTheSameFailureOnTheFirstSchedule() {
    InterleavingFailure original = failureOf(run(Map.of()));
    for (int i = 0; i < 2; i++) {
      InterleavingFailure replayed = failureOf(run(Map.of("baton.replay", original.replayToken())));
      assertThat(replayed.trace()).isEqualTo(original.trace());
      assertThat(replayed.getCause()).hasMessage(original.getCause().getMessage());
      assertThat(replayed.getMessage()).contains("Baton replayed schedule " + original.schedule());
    }
  }

  @Test
  void theTokenAsASystemPropertyReplaysToo() {
    InterleavingFailure original = failureOf(run(Map.of()));
    String previous = System.setProperty("baton.replay", original.replayToken());
    try {
      InterleavingFailure replayed = failureOf(run(Map.of()));
      assertThat(replayed.trace()).isEqualTo(original.trace());
    } finally {
      if (previous == null) System.clearProperty("baton.replay");
      else System.setProperty("baton.replay", previous);
    }
  }

  @Test
  void aTokenOfAnotherTestDoesNotApplyToThisOne() {
    InterleavingFailure original = failureOf(run(Map.of()));
    EngineExecutionResults results = EngineTestKit.engine("baton")
        .selectors(selectClass(SafeCounterFixture.class))
        .configurationParameter("baton.replay", original.replayToken())
        .configurationParameter("baton.schedules", "50")
        .execute();
    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @Test
  void theCorrectCounterPassesAllItsSchedules() {
    EngineExecutionResults results =
        EngineTestKit.engine("baton").selectors(selectClass(SafeCounterFixture.class)).execute();
    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    assertThat(results.allEvents().reportingEntryPublished().list().get(0)
            .getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow()
            .getKeyValuePairs())
        .containsEntry("baton.schedules", "1000");
  }

  @Test
  void aPinnedTokenFailsBeforeTheFixAndPassesAfterIt() {
    EngineExecutionResults results = EngineTestKit.engine("baton")
        .selectors(selectClass(PinnedRaceFixture.class)).execute();
    results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    Throwable failure = results.testEvents().failed().list().get(0)
        .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    assertThat(failure).isInstanceOf(InterleavingFailure.class).hasMessageContaining("lost update: 1");
    assertThat(results.testEvents().succeeded().list().get(0).getTestDescriptor().getDisplayName())
        .startsWith("fixed");
  }

  @Test
  void aPinnedTokenWhoseChoicesNoLongerHappenPassesWithANote() {
    assertThat(noteOfPassingPin("nowSingleThreaded"))
        .startsWith("The pinned schedule diverged: it ended after 0 of the token's ")
        .endsWith("choices, so the code changed since the token was recorded (as a fix does); the"
            + " schedule passed.");
  }

  @Test
  void aPinnedTokenOfAnEarlierBuildNamesThatBuildInItsNote() {
    assertThat(noteOfPassingPin("nowSingleThreadedWithAnEarlierBuildsToken"))
        .startsWith("The pinned schedule diverged: it ended after 0 of the token's ")
        .contains("The token was written by an earlier Baton (token version 1, this build"
            + " writes 3)")
        .contains("Record it again: run the test without the replay token");
  }

  /** Runs one method of the outgrown-token fixture, which must pass; returns its note. */
  private static String noteOfPassingPin(String method) {
    EngineExecutionResults results = EngineTestKit.engine("baton")
        .selectors(selectMethod(dev.baton.engine.fixtures.races.OutgrownTokenFixture.class, method))
        .execute();

    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    return results.allEvents().reportingEntryPublished().list().get(0)
        .getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow()
        .getKeyValuePairs().get("baton.note");
  }

  @Test
  void anExploredMethodThatIsAlsoAJupiterTestRunsUnderBatonWithoutAWarning() {
    // Jupiter no longer runs it a second time (ExistingTestsFilter), so nothing to warn of.
    java.io.PrintStream original = System.out;
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(out, true));
    try {
      EngineTestKit.engine("baton")
          .selectors(selectClass(dev.baton.engine.fixtures.mixed.AlsoJupiterFixture.class))
          .execute()
          .testEvents()
          .assertStatistics(s -> s.succeeded(1).failed(0));
    } finally {
      System.setOut(original);
    }
    assertThat(out.toString()).contains("AlsoJupiterFixture#both(): 2 schedule(s) passed")
        .doesNotContain("Remove @Test");
  }

  private static EngineExecutionResults run(Map<String, String> configuration) {
    return EngineTestKit.engine("baton")
        .selectors(selectMethod(LostUpdateFixture.class, "bothIncrementsLand"))
        .configurationParameters(configuration)
        .execute();
  }

  static InterleavingFailure failureOf(EngineExecutionResults results) {
    results.testEvents().assertStatistics(s -> s.started(1).failed(1));
    Throwable t = results.testEvents().failed().list().get(0)
        .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    assertThat(t).isInstanceOf(InterleavingFailure.class);
    return (InterleavingFailure) t;
  }
}
