package dev.baton.lincheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.lincheck.fixtures.HangingSpec;
import dev.baton.lincheck.fixtures.HookWatchingSpec;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/** A Lincheck check runs alone, with Baton's hooks inert, and a hung one is stopped. */
class LincheckWatchdogTest {

  @AfterEach
  void releaseTheHungCheck() throws InterruptedException {
    HangingSpec.released = true;
    // Lincheck runs checks one at a time: let the stopped one finish before the next test.
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("baton-lincheck-")) t.join(60_000);
    }
  }

  @Test
  void aHungCheckIsStoppedByTheWatchdogAndReported() {
    HangingSpec.released = false;
    long started = System.nanoTime();

    var executed = LincheckEngine.execute(
        HangingSpec.class,
        // Without shrinking: Lincheck would run the hanging scenario again and again.
        Map.of("baton.lincheck.timeoutSeconds", "2", "baton.lincheck.minimize", "false"));
    Map<String, TestExecutionResult> results = LincheckEngine.resultsByMode(executed);

    Throwable failure = LincheckEngine.failureOf(results, "stress");
    assertThat(failure).isInstanceOf(LincheckTimeout.class);
    assertThat(failure.getMessage())
        .startsWith("Lincheck stress of " + HangingSpec.class.getName()
            + " did not finish within 2 s (baton.lincheck.timeoutSeconds)")
        .contains("no bug was found, the check is incomplete")
        .contains("The check's thread was here:");
    // Not an AssertionError: test reports count it as an error, not as a found bug.
    assertThat(failure).isNotInstanceOf(AssertionError.class);
    assertThat(executed.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getRequiredPayload(org.junit.platform.engine.reporting.ReportEntry.class)
            .getKeyValuePairs()))
        .anySatisfy(entry -> assertThat(entry)
            .containsEntry("baton.lincheck.outcome", "timed out")
            .containsEntry("baton.lincheck.timeoutSeconds", "2"));
    assertThat(System.nanoTime() - started).isLessThan(60_000_000_000L);
  }

  @Test
  void batonsHooksForwardToNobodyWhileLincheckRuns() {
    HookWatchingSpec.DELEGATES_SEEN.clear();

    Map<String, TestExecutionResult> results =
        LincheckEngine.resultsByMode(LincheckEngine.execute(HookWatchingSpec.class, Map.of()));

    assertThat(results.values()).extracting(TestExecutionResult::getStatus)
        .containsOnly(TestExecutionResult.Status.SUCCESSFUL);
    // Lincheck ran the operations (on its own threads), and none saw a hook delegate installed.
    assertThat(HookWatchingSpec.DELEGATES_SEEN).isNotEmpty().containsOnly("null");
  }
}
