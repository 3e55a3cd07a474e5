package dev.baton.jdk;

import static dev.baton.jdk.JdkExplorations.findsAndReplays;
import static dev.baton.jdk.JdkExplorations.passesTheDefaultBudget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import dev.baton.Scenario;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Monitors the JDK takes on objects the scenario can lock are in Baton's model: a JDK synchronized
 * method blocks while another thread holds the monitor (no impossible interleaving is reported),
 * and deadlocks through it are found.
 */
class JdkMonitorsTest {

  @Test
  void aSynchronizedJdkMethodBlocksWhileAnotherThreadHoldsTheMonitor() {
    passesTheDefaultBudget(JdkMonitorScenarios::observerCountIsStableUnderTheObservablesLock);
  }

  @Test
  void findsAndReplaysALockOrderDeadlockThroughObservable() {
    InterleavingFailure failure =
        findsAndReplays(JdkMonitorScenarios::observableLockOrderDeadlock, Kind.DEADLOCK);
    assertThat(failure.getMessage()).contains("deadlock").contains("Model.deleteObserver");
  }

  @Test
  void theTraceLeavesOutTheJdksOwnLockingWhileOneThreadIsAlive() {
    InterleavingFailure failure = findsAndReplays(
        JdkMonitorScenarios::synchronizedListFilledAloneThenShared, Kind.EXCEPTION);
    String message = failure.getMessage();
    String alone = message.substring(message.indexOf("Interleaving ("), message.indexOf("start a"));
    assertThat(alone).contains("call List.add").doesNotContain("lock Collections$");
    assertThat(message.substring(message.indexOf("start a")))
        .containsPattern("(a|b) +lock Collections\\$SynchronizedRandomAccessList#\\d+");
  }

  @Test
  void stringBufferAppendsUnderItsLockPass() {
    passesTheDefaultBudget(JdkMonitorScenarios::stringBufferAppendsUnderItsLockStayTogether);
  }

  @Test
  void vectorIteratedUnderItsLockPasses() {
    passesTheDefaultBudget(JdkMonitorScenarios::iterateVectorUnderItsLock);
  }

  @Test
  void stackCheckThenActUnderItsLockPasses() {
    passesTheDefaultBudget(JdkMonitorScenarios::stackCheckThenActUnderItsLock);
  }

  @Test
  void synchronizedListIteratedUnderItsLockPasses() {
    passesTheDefaultBudget(JdkMonitorScenarios::synchronizedListWithUserLockedIteration);
  }

  /**
   * A thread woken out of {@code wait} (interrupted, notified or timed out) that waits to re-enter
   * the monitor another thread holds is BLOCKED: a loop until it is ends.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("wakeUps")
  void aWokenWaiterWaitingToReenterTheMonitorIsBlocked(String cause, Scenario scenario) {
    passesTheDefaultBudget(scenario);
  }

  static Stream<Arguments> wakeUps() {
    return Stream.of(
        Arguments.of("interrupt",
            (Scenario) JdkMonitorScenarios::interruptedWaiterIsBlockedUntilItReentersTheMonitor),
        Arguments.of("notify",
            (Scenario) JdkMonitorScenarios::notifiedWaiterIsBlockedUntilItReentersTheMonitor),
        Arguments.of("timeout",
            (Scenario) JdkMonitorScenarios::timedOutWaiterIsBlockedUntilItReentersTheMonitor));
  }
}
