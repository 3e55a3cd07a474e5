package dev.baton.engine;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.lincheck.BatonLinearizability;
import dev.baton.lincheck.CheckLinearizability;
import dev.baton.lincheck.LincheckFailure;
import dev.baton.lincheck.LincheckMode;
import dev.baton.lincheck.LincheckRunner;
import dev.baton.lincheck.LincheckSettings;
import dev.baton.scheduler.ExplorationSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Runs one mode of a {@link CheckLinearizability} class: resolves its settings (annotation, then
 * the {@code baton.lincheck.*} keys; Baton's mode also takes {@code baton.schedules}, {@code
 * baton.strategy}, {@code baton.seed} and {@code baton.replay}), checks that Lincheck is there, and
 * runs Lincheck or Baton's own exploration. Whatever goes wrong becomes the test's failure.
 */
final class LincheckModeExecutor {
  /** Lincheck's scenarios per check. */
  static final String ITERATIONS = "baton.lincheck.iterations";
  /** Lincheck's runs per scenario. */
  static final String INVOCATIONS = "baton.lincheck.invocations";
  /** Threads per scenario, every mode. */
  static final String THREADS = "baton.lincheck.threads";
  /** Operations per thread, every mode. */
  static final String ACTORS_PER_THREAD = "baton.lincheck.actorsPerThread";
  /** Watchdog of a Lincheck check. */
  static final String TIMEOUT_SECONDS = "baton.lincheck.timeoutSeconds";

  /** Whether Lincheck shrinks a failing scenario (true by default). */
  static final String MINIMIZE = "baton.lincheck.minimize";

  /** At most this many operations per scenario: the checker keeps them in a bit set, and beyond
   * a few dozen the search for an order would not end in a unit test anyway. */
  static final int MAX_OPERATIONS = 60;

  private final BatonConfiguration configuration;

  LincheckModeExecutor(BatonConfiguration configuration) {
    this.configuration = configuration;
  }

  TestExecutionResult execute(LincheckModeDescriptor test, EngineExecutionListener listener) {
    try {
      CheckLinearizability annotation = test.annotation();
      List<String> problems = new ArrayList<>(configuration.problems());
      LincheckSettings settings = settings(annotation, problems);
      if (TestClasses.isTestClass(test.specClass())) {
        problems.add(test.specClass().getName() + " has @ExploreInterleavings methods too; a"
            + " @CheckLinearizability class is a Lincheck spec: move those tests to a class of"
            + " their own");
      }
      if (!problems.isEmpty()) {
        return TestExecutionResult.failed(
            new BatonMisuseException(MisuseCheck.message(test.displayName(), problems)));
      }
      Optional<String> missing = LincheckRunner.missingLincheck(
          test.specClass(), test.mode(), LincheckRunner.class.getClassLoader());
      if (missing.isPresent()) {
        return TestExecutionResult.failed(new BatonMisuseException(missing.get()));
      }
      long started = System.nanoTime();
      String summary;
      Map<String, String> entry = new LinkedHashMap<>();
      if (test.mode() == LincheckMode.BATON) {
        ExplorationSettings exploration = configuration.override(new ExplorationSettings(
            test.scenarioId(), test.replayHint(), annotation.strategy(), annotation.schedules(),
            annotation.seed(), annotation.replay().isBlank() ? null : annotation.replay().trim(),
            false, 3, 100_000, true, true, ExplorationSettings.DEFAULT_MAX_PAUSE_MILLIS, false,
            ExplorationSettings.DEFAULT_WATCHDOG_MILLIS,
            ExplorationSettings.DEFAULT_TIME_BUDGET_MILLIS));
        ExplorationResult result = BatonLinearizability.explore(test.specClass(), exploration,
            settings.threads(), settings.actorsPerThread(), configuration.instrumentExclusions());
        summary = result.schedules() + " schedule(s), every history linearizable, strategy "
            + result.strategy() + ", seed " + result.seed()
            + (result.note() == null || result.note().isBlank() ? "" : ". " + result.note());
        entry.put("baton.schedules", String.valueOf(result.schedules()));
        entry.put("baton.strategy", String.valueOf(result.strategy()));
        entry.put("baton.seed", String.valueOf(result.seed()));
      } else {
        LincheckRunner.check(test.mode(), test.specClass(), settings);
        summary = test.mode().description() + " passed, " + settings.describe();
        entry.put("baton.lincheck.iterations", String.valueOf(settings.iterations()));
        entry.put("baton.lincheck.invocations", String.valueOf(settings.invocations()));
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      listener.reportingEntryPublished(test, ReportEntry.from(entry));
      System.out.println("[baton] " + test.displayName() + ": " + summary + " (" + millis + " ms)");
      return TestExecutionResult.successful();
    } catch (InterleavingFailure | LincheckFailure failure) {
      return TestExecutionResult.failed(failure);
    } catch (IllegalArgumentException | IllegalStateException misuse) {
      return TestExecutionResult.failed(
          new BatonMisuseException(test.displayName() + ": " + misuse.getMessage()));
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (Throwable t) {
      return TestExecutionResult.failed(new BatonEngineException(
          "Baton failed while running " + test.displayName() + ": " + t, t));
    }
  }

  /** The annotation's sizes with the configured keys applied; malformed values go to problems. */
  private LincheckSettings settings(CheckLinearizability a, List<String> problems) {
    int iterations = whole(ITERATIONS, "iterations", a.iterations(), 1, problems);
    int invocations = whole(INVOCATIONS, "invocations", a.invocations(), 1, problems);
    int threads = whole(THREADS, "threads", a.threads(), 1, problems);
    int actors = whole(ACTORS_PER_THREAD, "actorsPerThread", a.actorsPerThread(), 1, problems);
    long timeout = whole(TIMEOUT_SECONDS, null, (int) LincheckSettings.DEFAULT_TIMEOUT_SECONDS,
        1, problems);
    if (threads * (long) actors > MAX_OPERATIONS) {
      problems.add("threads x actorsPerThread = " + threads * (long) actors + " operations per"
          + " scenario; at most " + MAX_OPERATIONS + " can be checked for linearizability");
    }
    boolean minimize = true;
    Optional<String> configured = configuration.value(MINIMIZE);
    if (configured.isPresent()) {
      String v = configured.get().toLowerCase(java.util.Locale.ROOT);
      if (v.equals("true") || v.equals("false")) {
        minimize = Boolean.parseBoolean(v);
      } else {
        problems.add(MINIMIZE + "=" + configured.get() + " is not valid. Fix: pass true or false,"
            + " for example -D" + MINIMIZE + "=false.");
      }
    }
    return new LincheckSettings(iterations, invocations, threads, actors, timeout, minimize);
  }

  private int whole(String key, String attribute, int declared, int min, List<String> problems) {
    if (attribute != null && declared < min) {
      problems.add("@CheckLinearizability(" + attribute + " = " + declared + ") must be at least "
          + min);
    }
    Optional<String> configured = configuration.value(key);
    if (configured.isEmpty()) return declared;
    try {
      int parsed = Integer.parseInt(configured.get());
      if (parsed >= min) return parsed;
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(key + "=" + configured.get() + " is not valid. Fix: pass a whole number of at"
        + " least " + min + ", for example -D" + key + "=" + Math.max(min, declared * 10) + ".");
    return Math.max(declared, min);
  }
}
