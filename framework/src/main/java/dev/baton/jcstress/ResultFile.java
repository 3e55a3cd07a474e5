package dev.baton.jcstress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;
import org.openjdk.jcstress.infra.grading.TestGrading;

/** Reads JCStress's binary result file into one {@link ObservedTest} per test. */
final class ResultFile {
  private ResultFile() {}

  static Map<String, ObservedTest> read(Path file) throws IOException {
    InProcessCollector collector = new InProcessCollector();
    DiskReadCollector reader = new DiskReadCollector(file.toString(), collector);
    try {
      reader.dump();
    } catch (ClassNotFoundException e) {
      throw new IOException("JCStress's result file " + file + " could not be read: " + e, e);
    } finally {
      reader.close();
    }
    Collection<TestResult> all = collector.getTestResults();
    Map<String, List<String>> configurations = new LinkedHashMap<>();
    for (TestResult r : all) {
      if (r.getConfig() != null) {
        configurations.computeIfAbsent(r.getName(), n -> new ArrayList<>())
            .add(String.join(" ", r.getConfig().jvmArgs));
      }
    }
    Map<String, ObservedTest> tests = new LinkedHashMap<>();
    for (TestResult merged : ReportUtils.mergedByName(all)) {
      tests.put(merged.getName(), toObserved(merged, configurations));
    }
    return tests;
  }

  private static ObservedTest toObserved(TestResult r, Map<String, List<String>> configurations) {
    TestGrading grading = r.grading();
    List<ObservedTest.Row> rows = new ArrayList<>();
    for (GradingResult g : grading.gradingResults.values()) {
      rows.add(new ObservedTest.Row(g.id, g.count, grade(g.expect, g.description)));
    }
    Set<String> messages = new LinkedHashSet<>(r.getMessages());
    messages.addAll(r.getVmErr());
    boolean passed = r.status() == Status.NORMAL && grading.isPassed;
    return new ObservedTest(r.getName(), r.status().name(), passed, rows,
        List.copyOf(new LinkedHashSet<>(configurations.getOrDefault(r.getName(), List.of()))),
        List.copyOf(grading.failureMessages), List.copyOf(messages));
  }

  static ObservedTest.Grade grade(Expect expect, String description) {
    return new ObservedTest.Grade(expect.toString(),
        expect == Expect.FORBIDDEN || expect == Expect.UNKNOWN,
        expect == Expect.ACCEPTABLE_INTERESTING, description == null ? "" : description);
  }
}
