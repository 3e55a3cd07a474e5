package dev.baton.lincheck;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs specs through the {@code baton} engine for the tests of this package. */
final class LincheckEngine {
  private LincheckEngine() {}

  static EngineExecutionResults execute(Class<?> spec, Map<String, String> configuration) {
    return execute(List.of(selectClass(spec)), configuration);
  }

  static EngineExecutionResults execute(
      List<? extends DiscoverySelector> selectors, Map<String, String> configuration) {
    return EngineTestKit.engine("baton")
        .selectors(selectors.toArray(DiscoverySelector[]::new))
        .configurationParameters(configuration)
        .execute();
  }

  /** The result of each test, by mode test name ({@code modelChecking}). */
  static Map<String, TestExecutionResult> resultsByMode(EngineExecutionResults results) {
    return results.testEvents().finished().stream()
        .collect(Collectors.toMap(LincheckEngine::testName,
            e -> e.getRequiredPayload(TestExecutionResult.class)));
  }

  static String testName(Event e) {
    return ((MethodSource) e.getTestDescriptor().getSource().orElseThrow()).getMethodName();
  }

  static Throwable failureOf(Map<String, TestExecutionResult> results, String mode) {
    TestExecutionResult r = results.get(mode);
    if (r == null) throw new AssertionError("no test " + mode + " ran: " + results.keySet());
    return r.getThrowable().orElseThrow(() -> new AssertionError(mode + " did not fail: " + r));
  }
}
