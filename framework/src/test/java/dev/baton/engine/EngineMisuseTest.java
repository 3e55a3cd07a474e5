package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.baton.engine.fixtures.misuse.InnerClassFixture;
import dev.baton.engine.fixtures.misuse.LifecycleMisuseScenarios;
import dev.baton.engine.fixtures.misuse.MisusedMethodsScenarios;
import dev.baton.engine.fixtures.misuse.ParameterizedConstructorScenarios;
import dev.baton.engine.fixtures.misuse.PrivateClassFixture;
import dev.baton.engine.fixtures.misuse.PrivateConstructorScenarios;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Misused tests fail, each with a message naming the method, the problem and the fix, before the
 * explorer is ever reached (reaching it would fail differently: with a {@link
 * BatonEngineException}, or by running).
 */
class EngineMisuseTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          staticMethod     |                       | is static           | remove 'static'
          privateMethod    |                       | is private          | package-private
          withParameters   | java.lang.String, int | takes parameters    | remove the parameters
          returnsValue     |                       | returns int         | declare it void
          zeroSchedules    |                       | schedules = 0       | 1 or more
          zeroPctDepth     |                       | pctDepth = 0        | 1 or more
          negativeMaxSteps |                       | maxSteps = -1       | 1 or more
          """)
  void misusedMethodFailsWithAMessageNamingMethodProblemAndFix(
      String method, String parameterTypes, String problem, String fix) {
    DiscoverySelector selector =
        parameterTypes == null
            ? selectMethod(MisusedMethodsScenarios.class, method)
            : selectMethod(MisusedMethodsScenarios.class.getName(), method, parameterTypes);

    String message = onlyFailureMessage(execute(selector));

    assertThat(message)
        .contains(MisusedMethodsScenarios.class.getName() + "#" + method + "(")
        .contains(problem)
        .contains("Fix:")
        .contains(fix);
  }

  @Test
  void everyMisusedMethodAppearsAsAFailedTest() {
    EngineExecutionResults results = execute(selectClass(MisusedMethodsScenarios.class));

    results.testEvents().assertStatistics(stats -> stats.started(7).failed(7).succeeded(0));
    results.containerEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @Test
  void aMethodWithSeveralProblemsListsThemAll() {
    String message = onlyFailureMessage(execute(selectClass(LifecycleMisuseScenarios.class)));

    assertThat(message)
        .contains(LifecycleMisuseScenarios.class.getName() + "#fineTest()")
        .contains("LifecycleMisuseScenarios#staticSetUp() is static")
        .contains(
            "LifecycleMisuseScenarios#tearDownWithParameter(String) takes parameters (String)");
  }

  @Test
  void aTestInANonStaticInnerClassFailsAndSaysToMakeItStatic() {
    String message = onlyFailureMessage(execute(selectClass(InnerClassFixture.class)));

    assertThat(message)
        .contains("InnerClassFixture$InnerScenarios#insideInner()")
        .contains("inner (non-static) class")
        .contains("static class InnerScenarios");
  }

  @Test
  void aTestClassWithoutANoArgConstructorFails() {
    String message =
        onlyFailureMessage(execute(selectClass(ParameterizedConstructorScenarios.class)));

    assertThat(message)
        .contains("ParameterizedConstructorScenarios#needsInstance()")
        .contains("has no no-arg constructor")
        .contains("ParameterizedConstructorScenarios(int)")
        .contains("add a constructor without parameters");
  }

  @Test
  void aTestClassWithAPrivateConstructorFails() {
    String message = onlyFailureMessage(execute(selectClass(PrivateConstructorScenarios.class)));

    assertThat(message)
        .contains("PrivateConstructorScenarios#hiddenConstructor()")
        .contains("no-arg constructor of PrivateConstructorScenarios is private");
  }

  @Test
  void aPrivateTestClassFails() {
    String message = onlyFailureMessage(execute(selectClass(PrivateClassFixture.class)));

    assertThat(message)
        .contains("PrivateClassFixture$HiddenScenarios#insidePrivateClass()")
        .contains("is private");
  }

  @Test
  void packageScanFindsEveryMisusedTestAndFailsEachOne() {
    EngineExecutionResults results = execute(selectPackage("dev.baton.engine.fixtures.misuse"));

    results.testEvents().assertStatistics(stats -> stats.started(12).failed(12));
    assertThat(results.testEvents().failed().stream().map(EngineMisuseTest::failure))
        .allSatisfy(t -> assertThat(t).isInstanceOf(BatonMisuseException.class));
  }

  static EngineExecutionResults execute(DiscoverySelector... selectors) {
    return EngineTestKit.engine("baton").selectors(selectors).execute();
  }

  /** Asserts exactly one test ran and failed with a misuse; returns its message. */
  static String onlyFailureMessage(EngineExecutionResults results) {
    List<Event> failed = results.testEvents().failed().list();
    assertThat(results.testEvents().started().count()).isEqualTo(1);
    assertThat(failed).hasSize(1);
    Throwable failure = failure(failed.get(0));
    assertThat(failure).isInstanceOf(BatonMisuseException.class);
    return failure.getMessage();
  }

  static Throwable failure(Event event) {
    return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }
}
