package dev.baton.jcstress;

import dev.baton.InterleavingFailure;
import dev.baton.config.ConfigKey;
import dev.baton.engine.BatonConfiguration;
import dev.baton.jcstress.InterleavingAnalysis.Reachable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * Runs an execution's JCStress tests: one JCStress batch in a child JVM for all of them, and,
 * while it runs, Baton's interleaving analysis of each in this JVM; then one JUnit result per
 * test. Uses JCStress's classes: only
 * loaded once {@link JCStressClasses#available} said they are there.
 */
final class JCStressBatch {
  private final EngineExecutionListener listener;
  private final CancellationToken cancellation;
  private final BatonConfiguration configuration;
  private final JCStressOptions options;

  JCStressBatch(EngineExecutionListener listener, CancellationToken cancellation,
      BatonConfiguration configuration, JCStressOptions options) {
    this.listener = listener;
    this.cancellation = cancellation;
    this.configuration = configuration;
    this.options = options;
  }

  /**
   * Runs {@code tests}: the JCStress batch starts at once, in the background; then each test in
   * turn, inside its class container, gets Baton's analysis and its JCStress results. The first
   * test waits for the batch, so its time includes the batch's wall-clock time.
   */
  void run(List<JCStressTestDescriptor> tests) {
    Map<JCStressTestDescriptor, TestInfo> infos = new LinkedHashMap<>();
    java.util.Collection<String> listed = TestList.tests(); // META-INF/TestList, as generated
    for (JCStressTestDescriptor test : tests) {
      String name = JCStressClasses.testName(test.testClass());
      if (listed.contains(name)) infos.put(test, TestList.getInfo(name));
    }
    CompletableFuture<ChildBatch.Outcome> batch =
        options.runsJCStress() && !infos.isEmpty()
            ? startBatch(infos.keySet())
            : CompletableFuture.completedFuture(null);
    Results results = null;
    for (JCStressTestDescriptor test : tests) {
      TestDescriptor container = test.getParent().orElseThrow();
      if (cancellation.isCancellationRequested()) {
        listener.executionSkipped(container, "Execution cancelled");
        continue;
      }
      listener.executionStarted(container);
      listener.executionStarted(test);
      TestInfo info = infos.get(test);
      if (info == null) {
        listener.executionFinished(test, TestExecutionResult.failed(noRunner(test)));
      } else {
        Object analysis = analyse(test, info);
        if (results == null) results = Results.await(batch);
        listener.executionFinished(test, result(test, info, results.outcome, results.error,
            results.observed.get(JCStressClasses.testName(test.testClass())), analysis));
      }
      listener.executionFinished(container, TestExecutionResult.successful());
    }
    if (results == null) batch.cancel(false);
  }

  /** What the batch left: its outcome and results, or why there are none. */
  private record Results(
      ChildBatch.Outcome outcome, Map<String, ObservedTest> observed, Throwable error) {
    static Results await(CompletableFuture<ChildBatch.Outcome> batch) {
      try {
        ChildBatch.Outcome outcome = batch.get();
        Map<String, ObservedTest> observed =
            outcome != null && outcome.resultFile() != null
                ? ResultFile.read(outcome.resultFile())
                : Map.of();
        return new Results(outcome, observed, null);
      } catch (ExecutionException e) {
        return new Results(null, Map.of(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Results(null, Map.of(), e);
      } catch (java.io.IOException e) {
        return new Results(null, Map.of(), e);
      }
    }
  }

  private static JCStressSetupException noRunner(JCStressTestDescriptor test) {
    return new JCStressSetupException(
        test.testClass().getName() + " is a @JCStressTest, but JCStress generated no runner"
            + " for it (it is missing from META-INF/TestList), so JCStress cannot run it. The"
            + " jcstress-core annotation processor did not run when the tests were compiled:"
            + " list it in maven-compiler-plugin's <annotationProcessorPaths> (needed on JDK 23"
            + " and later), see docs/jcstress.md in Baton's repository, and recompile.");
  }

  private CompletableFuture<ChildBatch.Outcome> startBatch(
      java.util.Collection<JCStressTestDescriptor> runnable) {
    List<String> names = new ArrayList<>();
    runnable.forEach(t -> names.add(JCStressClasses.testName(t.testClass())));
    List<String> command = ChildBatch.command(
        System.getProperty("java.class.path"), options.jcstressArgs(), names);
    Path parent = reportRoot();
    return CompletableFuture.supplyAsync(() -> {
      try {
        return ChildBatch.run(command, parent, options.timeoutSeconds(),
            cancellation::isCancellationRequested);
      } catch (Exception e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, r -> {
      Thread t = new Thread(r, "baton-jcstress-batch");
      t.setDaemon(true);
      t.start();
    });
  }

  /** Where batches run and leave their log and HTML report: the build directory if there is one. */
  static Path reportRoot() {
    Path target = Path.of("target").toAbsolutePath();
    return (Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir")))
        .resolve("baton-jcstress");
  }

  /** The analysis ({@link Reachable}) or what went wrong (a {@link Throwable}). */
  private Object analyse(JCStressTestDescriptor test, TestInfo info) {
    if (options.maxSchedules() == 0) {
      return Reachable.skipped("turned off with " + JCStressOptions.MAX_SCHEDULES + "=0");

    }
    try {
      return new InterleavingAnalysis(info, test.testClass()).run(configuration,
          options.maxSchedules());
    } catch (InterleavingFailure failure) {
      return failure; // an actor failed (threw, deadlocked) in some interleaving
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (Throwable t) {
      return t;
    }
  }

  private TestExecutionResult result(JCStressTestDescriptor test, TestInfo info,
      ChildBatch.Outcome batch, Throwable batchError, ObservedTest observed, Object analysis) {
    String name = test.testClass().getName();
    String simple = JCStressClassDescriptor.simpleName(test.testClass());
    StringBuilder problems = new StringBuilder();
    if (options.runsJCStress()) {
      if (batchError != null) {
        problems.append("JCStress could not be run: ").append(batchError).append('\n');
      } else if (batch.end() == ChildBatch.End.TIMED_OUT) {
        problems.append("The JCStress batch did not finish within ").append(options.timeoutSeconds())
            .append(" s, so every JCStress JVM was killed. Fix: raise ")
            .append(JCStressOptions.TIMEOUT_SECONDS).append(" or select fewer tests.\n");
      } else if (batch.end() == ChildBatch.End.CANCELLED) {
        problems.append("The run was cancelled; the JCStress batch was killed.\n");
      } else if (observed == null) {
        problems.append("JCStress reported no result for ").append(name).append(" (exit code ")
            .append(batch.exitCode()).append("). Last lines of its log:\n")
            .append(ChildBatch.tail(batch.log(), 15)).append('\n');
      } else if (!observed.passed()) {
        problems.append("JCStress ").append(observed.rows().stream()
            .anyMatch(r -> r.grade().forbidden() && r.samples() > 0)
                ? "saw a forbidden outcome" : "failed with status " + observed.status())
            .append(".\n");
      }
    }
    Reachable reachable = analysis instanceof Reachable r ? r : null;
    String trace = null;
    if (analysis instanceof InterleavingFailure f) {
      problems.append("Baton: an interleaving of the actors fails on its own (below).\n");
      trace = withoutCodeReplayLine(f.getMessage());
    } else if (analysis instanceof Throwable t) {
      problems.append("Baton could not analyse the interleavings of ").append(simple).append(": ")
          .append(t).append('\n');
    } else if (reachable.forbidden() != null) {
      problems.append("Baton: a forbidden outcome is reachable by interleaving alone, no"
          + " reordering needed (" + (reachable.replayed() ? "replayed from its token"
              : "found deterministically by exhaustive exploration")
          + "; trace and replay below).\n");
      trace = withoutCodeReplayLine(reachable.forbidden().getMessage());
    }
    if (reachable == null) reachable = Reachable.skipped("an interleaving failed (see the failure)");
    OutcomeTable table = OutcomeTable.of(observed, reachable, o -> InterleavingAnalysis.grade(info, o));
    String summary = (options.runsJCStress() && observed == null ? "JCStress gave no result; " : "")
        + summary(observed, reachable, table, batch);
    StringBuilder details = new StringBuilder();
    details.append(table.render());
    if (observed != null && !observed.configurations().isEmpty()) {
      details.append("JVM configurations: [")
          .append(String.join("], [", observed.configurations())).append("]\n");
    }
    details.append(analysisLine(reachable)).append('\n');
    if (observed != null) {
      for (String m : observed.failures()) details.append("JCStress: ").append(m).append('\n');
      for (String m : observed.messages().stream().limit(20).toList()) {
        details.append("  ").append(m).append('\n');
      }
    }
    if (batch != null) {
      details.append("JCStress log: ").append(batch.log()).append(" (HTML report: ")
          .append(batch.directory().resolve("results").resolve("index.html")).append(")\n");
    }
    listener.reportingEntryPublished(test, entry(observed, reachable, table, batch));
    System.out.println("[baton] " + simple + ": " + summary);
    if (problems.length() == 0 && table.lines().stream().anyMatch(
        l -> l.grade().interesting() && l.samples() != null && l.samples() > 0)) {
      System.out.print(table.render()); // a pass worth a look: Surefire shows no report entries
    }
    if (problems.length() == 0) return TestExecutionResult.successful();
    return TestExecutionResult.failed(new JCStressFailure(problems + "\n" + details
        + (trace == null ? "" : "\n" + trace)));
  }

  private static String summary(ObservedTest observed, Reachable reachable, OutcomeTable table,
      ChildBatch.Outcome batch) {
    List<String> parts = new ArrayList<>();
    if (observed != null) {
      // The tests of a batch run together: say how long the batch they shared took.
      parts.add("JCStress " + (observed.passed() ? "passed" : "FAILED (" + observed.status() + ")")
          + String.format(java.util.Locale.ROOT, " in a batch of %.1f s", batch.millis() / 1000.0));
    }
    for (OutcomeTable.Line l : table.lines()) {
      if (l.grade().interesting() && l.samples() != null && l.samples() > 0) {
        parts.add("interesting [" + l.outcome() + "] " + l.interleaving());
      }
    }
    parts.add(analysisLine(reachable));
    return String.join("; ", parts);
  }

  private static String analysisLine(Reachable reachable) {
    if (reachable.skipped() != null) return "Baton's interleaving analysis: " + reachable.skipped();
    if (reachable.replayed()) {
      return "Baton replayed the interleaving of " + ConfigKey.REPLAY.key() + "; it reaches "
          + (reachable.outcomes().isEmpty() ? "no outcome" : "[" + String.join("], [", reachable.outcomes()) + "]");
    }
    return "Baton " + (reachable.complete() ? "explored all " : "explored ") + reachable.schedules()
        + " interleavings" + (reachable.complete() ? "" : " (not all: raise "
        + JCStressOptions.MAX_SCHEDULES + ")") + "; reachable by interleaving: "
        + (reachable.outcomes().isEmpty() ? "none" : "[" + String.join("], [", reachable.outcomes().stream().sorted().toList()) + "]");
  }

  private static ReportEntry entry(ObservedTest observed, Reachable reachable, OutcomeTable table,
      ChildBatch.Outcome batch) {
    Map<String, String> entry = new LinkedHashMap<>();
    if (observed != null) entry.put("jcstress.status", observed.status());
    entry.put("jcstress.outcomes", table.render().stripTrailing());
    entry.put("baton.interleavings", analysisLine(reachable));
    if (reachable.forbidden() != null) {
      entry.put("baton.replay", reachable.forbidden().replayToken());
    }
    if (batch != null) {
      entry.put("jcstress.log", batch.log().toString());
      entry.put("jcstress.seconds", String.format(java.util.Locale.ROOT, "%.1f", batch.millis() / 1000.0));
    }
    return ReportEntry.from(entry);
  }

  /** The generic "replay it from code" line of a failure does not apply to a JCStress test. */
  private static String withoutCodeReplayLine(String message) {
    int at = message.lastIndexOf("\nor replay it from code:");
    return at < 0 ? message : message.substring(0, at);
  }
}
