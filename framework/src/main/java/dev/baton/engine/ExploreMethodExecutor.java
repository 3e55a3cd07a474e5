package dev.baton.engine;

import dev.baton.ExplorationResult;
import dev.baton.ExploreInterleavings;
import dev.baton.InterleavingFailure;
import dev.baton.existing.ExistingTestNotRunnable;
import dev.baton.existing.ExistingTests;
import dev.baton.existing.JUnit4Schedule;
import dev.baton.existing.JupiterSchedule;
import dev.baton.scheduler.ExplorationSettings;
import dev.baton.scheduler.Explorer;
import dev.baton.scheduler.ScenarioLoader;
import dev.baton.scheduler.ScheduleBody;
import dev.baton.scheduler.TimeBudgetSpent;
import dev.baton.strategy.Strategies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.platform.engine.EngineExecutionListener;
import org.opentest4j.TestAbortedException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Runs one {@link ExploreInterleavings} test: checks it for misuse, resolves its settings, hands it
 * to the {@link Explorer} and turns the outcome into a test result. Whatever goes wrong becomes
 * the test's failure; only running out of memory escapes.
 */
final class ExploreMethodExecutor {
  private final BatonConfiguration configuration;
  private final InstrumentedClasses classes;
  /** What Jupiter runs with when it runs an existing test inside a schedule. */
  private final Map<String, String> jupiterConfiguration;

  ExploreMethodExecutor(
      BatonConfiguration configuration,
      InstrumentedClasses classes,
      Map<String, String> jupiterConfiguration) {
    this.configuration = configuration;
    this.classes = classes;
    this.jupiterConfiguration = Map.copyOf(jupiterConfiguration);
  }

  TestExecutionResult execute(ExploreMethodDescriptor test, EngineExecutionListener listener) {
    try {
      ExploreInterleavings annotation = test.annotation();
      List<String> problems = new ArrayList<>(configuration.problems());
      problems.addAll(test.existingTestRunner().isPresent()
          ? MisuseCheck.existingTestProblems(annotation)
          : MisuseCheck.problems(test.testClass(), test.method(), annotation));
      if (!problems.isEmpty()) {
        return TestExecutionResult.failed(
            new BatonMisuseException(MisuseCheck.message(test.methodDisplayName(), problems)));
      }
      ExplorationSettings settings =
          configuration.settingsFor(test.scenarioId(), test.replayHint(), annotation);
      boolean fresh = settings.freshStatics();
      ExplorationResult result = Explorer.explore(settings, schedule(test, fresh), () -> {
        try {
          return schedule(test, fresh); // another worker's own class loaders
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      });
      listener.reportingEntryPublished(test, reportEntry(result));
      System.out.println("[baton] " + test.methodDisplayName() + ": " + summary(result));
      return TestExecutionResult.successful();
    } catch (InterleavingFailure failure) {
      if (failure.getCause() instanceof TestAbortedException aborted) {
        return TestExecutionResult.aborted(aborted); // an assumption, or Jupiter skipped it
      }
      if (failure.getCause() instanceof ExistingTestNotRunnable notRunnable) {
        return TestExecutionResult.failed(new BatonMisuseException(
            test.methodDisplayName() + ": " + notRunnable.getMessage()));
      }
      listener.reportingEntryPublished(test, reportEntry(failure));
      // Surefire drops report entries; its XML keeps what a test prints.
      System.out.println("[baton] " + test.methodDisplayName() + ": failed in schedule "
          + failure.schedule() + ", strategy " + failure.strategy() + ", seed " + failure.seed()
          + ", replay with -Dbaton.replay=" + failure.replayToken());
      return TestExecutionResult.failed(failure);
    } catch (TimeBudgetSpent partial) {
      // baton.failOnBudget: every schedule passed, but too few of them ran.
      System.out.println("[baton] " + test.methodDisplayName() + ": " + partial.getMessage());
      return TestExecutionResult.failed(partial);
    } catch (IllegalArgumentException badSetting) {
      // A setting or replay token Baton could not use; the message names it and the fix.
      return TestExecutionResult.failed(
          new BatonMisuseException(test.methodDisplayName() + ": " + badSetting.getMessage()));
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (Throwable t) {
      return TestExecutionResult.failed(
          new BatonEngineException(
              "Baton failed while running " + test.methodDisplayName() + ": " + t, t));
    }
  }

  private ScheduleBody schedule(ExploreMethodDescriptor test, boolean freshStatics)
      throws ReflectiveOperationException {
    Class<?> testClass = test.testClass();
    Optional<ExistingTests.Runner> runner = test.existingTestRunner();
    if (runner.isPresent()) {
      ClassLoader first =
          freshStatics ? classes.newLoaderFor(testClass) : classes.sharedLoaderFor(testClass);
      UnaryOperator<ClassLoader> next =
          last -> freshStatics && ScenarioLoader.needsNewLoader(last)
              ? classes.newLoaderFor(testClass)
              : last;
      return switch (runner.get()) {
        case JUPITER -> new JupiterSchedule(
            first, next, testClass, test.method(), jupiterConfiguration);
        case JUNIT4 -> new JUnit4Schedule(first, next, testClass, test.method());
      };
    }
    LifecycleMethods lifecycle = LifecycleMethods.of(testClass);
    ClassLoader firstLoader =
        freshStatics ? classes.newLoaderFor(testClass) : classes.sharedLoaderFor(testClass);
    TestInstanceSchedule.Members first =
        InstrumentedClasses.members(firstLoader, testClass, lifecycle, test.method());
    TestInstanceSchedule.MembersSource later =
        freshStatics
            ? () -> InstrumentedClasses.members(
                classes.newLoaderFor(testClass), testClass, lifecycle, test.method())
            : null;
    return new TestInstanceSchedule(first, later);
  }

  /** One line for the console: Surefire does not show report entries, and the seed matters. */
  private static String summary(ExplorationResult result) {
    String line = result.schedules() + " schedule(s) passed, strategy " + result.strategy()
        + ", seed " + result.seed()
        + (result.complete() && result.note().isBlank() ? ", every schedule explored" : "");
    if (result.coverage() != null && result.schedules() > 0) {
      line += "; " + result.coverage().describe(); // what a clean run covered
    }
    return result.note() == null || result.note().isBlank() ? line : line + ". " + result.note();
  }

  /** The failing schedule's coordinates, for Surefire's XML and Open Test Reporting. */
  private static ReportEntry reportEntry(InterleavingFailure failure) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("baton.schedules", String.valueOf(failure.schedule()));
    entry.put("baton.strategy", String.valueOf(failure.strategy()));
    entry.put("baton.seed", String.valueOf(failure.seed()));
    entry.put("baton.failure", String.valueOf(failure.kind()));
    entry.put("baton.replay", failure.replayToken());
    return ReportEntry.from(entry);
  }

  private static ReportEntry reportEntry(ExplorationResult result) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("baton.schedules", String.valueOf(result.schedules()));
    entry.put("baton.strategy", String.valueOf(result.strategy()));
    entry.put("baton.seed", String.valueOf(result.seed()));
    if (Strategies.enumerates(result.strategy())) {
      entry.put("baton.complete", String.valueOf(result.complete()));
    }
    if (result.note() != null && !result.note().isBlank()) {
      entry.put("baton.note", result.note());
    }
    CoverageEntries.add(entry, result.coverage());
    return ReportEntry.from(entry);
  }
}
