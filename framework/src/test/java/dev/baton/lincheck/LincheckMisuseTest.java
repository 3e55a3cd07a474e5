package dev.baton.lincheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.lincheck.fixtures.NoOperationsSpec;
import dev.baton.lincheck.fixtures.UnnamedParameterSpec;
import dev.baton.lincheck.fixtures.UnsupportedParameterSpec;
import dev.baton.lincheck.fixtures.ZeroThreadsSpec;
import dev.baton.lincheck.specs.BrokenCounterSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/** Bad specs and bad configuration fail the test with what is wrong and how to fix it. */
class LincheckMisuseTest {

  private static Throwable failure(Class<?> spec, String mode, Map<String, String> config) {
    return LincheckEngine.failureOf(LincheckEngine.resultsByMode(LincheckEngine.execute(
        java.util.List.of(DiscoverySelectors.selectMethod(spec.getName() + "#" + mode)), config)),
        mode);
  }

  @Test
  void aSpecWithoutOperationsNamesTheAnnotationAndTheDependency() {
    assertThat(failure(NoOperationsSpec.class, "baton", Map.of()).getMessage())
        .contains(NoOperationsSpec.class.getName() + " cannot be checked",
            "no public method annotated with Lincheck's @Operation",
            "org.jetbrains.lincheck:lincheck");
  }

  @Test
  void aParameterBatonCannotGenerateIsNamedWithTheTypesItCan() {
    assertThat(failure(UnsupportedParameterSpec.class, "baton", Map.of()).getMessage())
        .contains("operation addAll, parameter", "cannot generate a java.util.List",
            "use int, long, short, byte, double, float, boolean, String or an enum");
  }

  @Test
  void lincheckMistakingACompiledParameterNameForAParamIsExplained() {
    assertThat(failure(UnnamedParameterSpec.class, "modelChecking", Map.of()).getMessage())
        .contains("Unknown generator name: \"delta\"", "javac -parameters",
            "@Param(gen = IntGen.class) int value");
    // Baton's mode draws such a parameter from its type's default values.
    assertThat(LincheckEngine.resultsByMode(LincheckEngine.execute(java.util.List.of(
            DiscoverySelectors.selectMethod(UnnamedParameterSpec.class.getName() + "#baton")),
        Map.of())).get("baton").getStatus())
        .isEqualTo(org.junit.platform.engine.TestExecutionResult.Status.SUCCESSFUL);
  }

  @Test
  void anAttributeOutOfRangeIsNamed() {
    assertThat(failure(ZeroThreadsSpec.class, "baton", Map.of()).getMessage())
        .contains("@CheckLinearizability(threads = 0) must be at least 1");
  }

  @Test
  void aMalformedConfigurationKeyIsNamedWithAnExample() {
    Throwable failure =
        failure(BrokenCounterSpec.class, "modelChecking", Map.of("baton.lincheck.iterations", "many"));

    assertThat(failure.getMessage()).contains(
        "baton.lincheck.iterations=many is not valid. Fix: pass a whole number of at least 1");
  }

  @Test
  void configurationKeysRaiseTheAnnotationsBudgets() {
    Throwable failure = failure(BrokenCounterSpec.class, "modelChecking", Map.of(
        "baton.lincheck.iterations", "7", "baton.lincheck.invocations", "150",
        "baton.lincheck.threads", "3", "baton.lincheck.minimize", "false"));

    assertThat(failure).isInstanceOf(LincheckFailure.class);
    assertThat(failure.getMessage().lines().findFirst().orElseThrow()).isEqualTo(
        "Lincheck model checking found invalid execution results in BrokenCounterSpec"
            + " (7 iterations x 150 invocations, 3 threads x 2 operations)");
    assertThat(failure.getMessage()).contains("Thread 3");
  }
}
