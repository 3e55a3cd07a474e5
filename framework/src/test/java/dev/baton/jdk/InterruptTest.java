package dev.baton.jdk;

import static dev.baton.jdk.JdkExplorations.findsAndReplays;
import static dev.baton.jdk.JdkExplorations.passesTheDefaultBudget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Thread.interrupt() during sleep, wait, park, BlockingQueue.take, lockInterruptibly, Future.get. */
class InterruptTest {

  static Stream<Arguments> interruptibleCalls() {
    return Stream.of(
        Arguments.of("sleep", (Scenario) InterruptScenarios::interruptDuringSleep),
        Arguments.of("wait", (Scenario) InterruptScenarios::interruptDuringWait),
        Arguments.of("park", (Scenario) InterruptScenarios::interruptDuringPark),
        Arguments.of("BlockingQueue.take", (Scenario) InterruptScenarios::interruptDuringTake),
        Arguments.of("lockInterruptibly", (Scenario) InterruptScenarios::interruptDuringLockInterruptibly),
        Arguments.of("Future.get", (Scenario) InterruptScenarios::interruptDuringFutureGet));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("interruptibleCalls")
  void anInterruptEndsTheBlockingCallInEverySchedule(String call, Scenario scenario) {
    passesTheDefaultBudget(scenario);
  }

  @Test
  void findsAnInterruptSwallowedInsideATakeLoop() {
    InterleavingFailure failure =
        findsAndReplays(InterruptScenarios::swallowedInterruptInATakeLoop, Kind.DEADLOCK);
    assertThat(failure.getMessage())
        .contains("main waits to join worker")
        .containsPattern("worker waits for LinkedTransferQueue#\\d");
  }

  @Test
  void findsAnInterruptSwallowedInsideASleepLoopAsALoopThatNeverEnds() {
    InterleavingFailure failure = findsAndReplays(Interleavings.configure().maxSteps(5_000),
        InterruptScenarios::swallowedInterruptInASleepLoop, Kind.NON_TERMINATION);
    assertThat(failure.getMessage())
        .contains("more than 5000 scheduling points")
        .containsPattern("poller seems not to terminate \\(last at InterruptScenarios"
            + ".lambda\\$swallowedInterruptInASleepLoop\\$\\d+\\(InterruptScenarios.java:\\d+\\)\\)");
  }

  @Test
  void findsAnUnlockOfALockThatAnInterruptedLockInterruptiblyNeverGot() {
    InterleavingFailure failure = findsAndReplays(
        InterruptScenarios::unlockInFinallyAfterAnInterruptedLockInterruptibly, Kind.EXCEPTION);
    assertThat(failure.getCause()).isInstanceOf(IllegalMonitorStateException.class);
    assertThat(failure.getMessage())
        .contains("(thrown in updater)")
        .contains("interrupt updater")
        .contains("call ReentrantLock.lockInterruptibly");
  }
}
