package dev.baton.lincheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.lincheck.specs.BrokenCounterSpec;
import dev.baton.lincheck.specs.BrokenMapSpec;
import dev.baton.lincheck.specs.BrokenQueueSpec;
import dev.baton.lincheck.specs.BrokenStackSpec;
import dev.baton.lincheck.specs.BrokenTreiberStackSpec;
import dev.baton.lincheck.specs.CorrectCounterSpec;
import dev.baton.lincheck.specs.CorrectMapSpec;
import dev.baton.lincheck.specs.CorrectQueueSpec;
import dev.baton.lincheck.specs.CorrectStackSpec;
import dev.baton.lincheck.specs.CorrectTreiberStackSpec;
import dev.baton.lincheck.specs.SlowBrokenCounterSpec;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Lincheck and Baton's mode agree on known structures, both ways: a correct one passes every mode
 * (Baton never reports a linearizable structure), a broken one fails every mode (Baton finds what
 * Lincheck finds), with Lincheck's table or Baton's history, trace and replay token.
 */
class LincheckAgreementTest {
  /** Shrinking Lincheck's failing scenario costs seconds (40 s for the stress mode's counter). */
  private static final Map<String, String> NO_MINIMIZING = Map.of("baton.lincheck.minimize", "false");

  @ParameterizedTest
  @ValueSource(classes = {CorrectCounterSpec.class, CorrectStackSpec.class, CorrectQueueSpec.class,
      CorrectMapSpec.class, CorrectTreiberStackSpec.class})
  void aCorrectStructurePassesEveryMode(Class<?> spec) {
    Map<String, TestExecutionResult> results =
        LincheckEngine.resultsByMode(LincheckEngine.execute(spec, Map.of()));

    assertThat(results).containsKeys("modelChecking", "baton");
    results.forEach((mode, result) -> assertThat(result.getStatus())
        .as(mode + ": " + result.getThrowable().map(Throwable::getMessage).orElse(""))
        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
  }

  @ParameterizedTest
  @ValueSource(classes = {BrokenCounterSpec.class, SlowBrokenCounterSpec.class, BrokenStackSpec.class, BrokenQueueSpec.class,
      BrokenMapSpec.class, BrokenTreiberStackSpec.class})
  void aBrokenStructureFailsEveryMode(Class<?> spec) {
    Map<String, TestExecutionResult> results =
        LincheckEngine.resultsByMode(LincheckEngine.execute(spec, NO_MINIMIZING));

    assertThat(results).containsKey("baton").hasSizeGreaterThan(1);
    for (String mode : new java.util.TreeSet<>(results.keySet())) {
      Throwable failure = LincheckEngine.failureOf(results, mode);
      if (mode.equals("baton")) {
        assertThat(failure).isInstanceOf(InterleavingFailure.class);
        assertThat(failure.getMessage())
            .startsWith(LinearizabilityViolation.class.getName() + ": not linearizable")
            .contains("| thread-1", "Interleaving (", "-Dbaton.replay=",
                "@CheckLinearizability(replay = \"");
        assertThat(failure.getCause()).isInstanceOf(LinearizabilityViolation.class);
      } else {
        assertThat(failure).isInstanceOf(LincheckFailure.class);
        assertThat(failure.getMessage().lines().findFirst().orElseThrow())
            .startsWith("Lincheck ").contains(" in " + spec.getSimpleName());
        assertThat(failure.getMessage()).contains("= Invalid execution results =", "Thread 1");
      }
    }
  }
}
