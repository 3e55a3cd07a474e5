package dev.baton.lincheck;

import dev.baton.InterleavingFailure;
import dev.baton.engine.BatonConfiguration;
import dev.baton.engine.BatonEngineException;
import dev.baton.engine.BatonMisuseException;
import dev.baton.engine.TestClasses;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Runs one mode of a {@link CheckLinearizability} class through {@link Linearizability} and turns
 * the outcome into a test result: Lincheck's or Baton's report on a bug, the problem and its fix on
 * misuse (a bad key, a bad spec, Lincheck missing). Only running out of memory escapes.
 */
final class LincheckModeExecutor {
  /** The report entry key saying how a check ended when it did not end with a verdict. */
  static final String OUTCOME = "baton.lincheck.outcome";

  private final BatonConfiguration configuration;

  LincheckModeExecutor(BatonConfiguration configuration) {
    this.configuration = configuration;
  }

  TestExecutionResult execute(LincheckModeDescriptor test, EngineExecutionListener listener) {
    try {
      if (TestClasses.isTestClass(test.specClass())) {
        return TestExecutionResult.failed(new BatonMisuseException(test.displayName()
            + ": the class has @ExploreInterleavings methods too; a @CheckLinearizability class"
            + " is a Lincheck spec: move those tests to a class of their own"));
      }
      long started = System.nanoTime();
      Linearizability.Outcome outcome = Linearizability.check(
          test.specClass(), test.mode(), configuration, test.replayHint());
      long millis = (System.nanoTime() - started) / 1_000_000;
      listener.reportingEntryPublished(test, ReportEntry.from(outcome.reportEntry()));
      System.out.println(
          "[baton] " + test.displayName() + ": " + outcome.summary() + " (" + millis + " ms)");
      return TestExecutionResult.successful();
    } catch (InterleavingFailure | LincheckFailure failure) {
      return TestExecutionResult.failed(failure);
    } catch (LincheckTimeout timeout) {
      // Its own entry, so a report tells "did not finish" from "found a bug".
      listener.reportingEntryPublished(test, ReportEntry.from(java.util.Map.of(
          OUTCOME, "timed out", Linearizability.TIMEOUT_SECONDS,
          String.valueOf(timeout.timeoutSeconds()))));
      return TestExecutionResult.failed(timeout);
    } catch (IllegalArgumentException | IllegalStateException misuse) {
      return TestExecutionResult.failed(new BatonMisuseException(misuse.getMessage()));
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (Throwable t) {
      return TestExecutionResult.failed(new BatonEngineException(
          "Baton failed while running " + test.displayName() + ": " + t, t));
    }
  }
}
