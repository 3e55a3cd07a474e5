package dev.baton.lincheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.engine.BatonMisuseException;
import dev.baton.lincheck.blocking.SemaphoreSpec;
import dev.baton.lincheck.blocking.UninterruptibleSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A failure of Baton's mode other than a violation shows the scenario first; a run whose
 * unfinished operations all wait in operations declared blocking says so instead of leaving the
 * deadlock to be read as the structure's.
 */
class BlockingOperationsTest {

  @Test
  void aDeadlockedRunShowsItsScenarioAndNamesTheWaitingBlockingOperations() {
    // Seed 5 draws, in schedule 2, an initial part of two acquires on a one-permit semaphore.
    Throwable failure = LincheckEngine.failureOf(LincheckEngine.resultsByMode(
        LincheckEngine.execute(SemaphoreSpec.class, Map.of())), "baton");

    assertThat(failure).isInstanceOf(InterleavingFailure.class);
    assertThat(((InterleavingFailure) failure).kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
    String report = failure.getMessage();
    assertThat(report)
        .contains("Scenario (operations with their arguments; main runs the first and last parts"
            + " alone):\nfirst, alone in main: acquire(), acquire()")
        .containsPattern("\\| thread-1 +\\| thread-2 +\\|")
        .contains("Every unfinished operation is declared @Operation(blocking = true) and waits:"
            + " acquire() of main");
    // The scenario comes before the stacks and the interleaving.
    assertThat(report.indexOf("Scenario (")).isLessThan(report.indexOf("Interleaving ("));
  }

  /**
   * A blocking step that ignores interrupts cannot be unwound: that is a limit of the mode, said as
   * a misuse with its fix, never a failure of the structure; and a later check (the shrinker's
   * replay) says it again at once instead of waiting on the stuck step until the watchdog.
   */
  @Test
  void aBlockingOperationThatIgnoresInterruptsIsAMisuseNotAFailureOfTheStructure() {
    Throwable failure = LincheckEngine.failureOf(LincheckEngine.resultsByMode(
        LincheckEngine.execute(UninterruptibleSpec.class, Map.of())), "baton");

    assertThat(failure).isInstanceOf(BatonMisuseException.class);
    assertThat(failure.getMessage())
        .contains("acquire()", "ignores interrupts", "use an interruptible wait in the operation");
  }
}
