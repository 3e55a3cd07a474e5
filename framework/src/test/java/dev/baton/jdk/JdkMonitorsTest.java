package dev.baton.jdk;

import static dev.baton.jdk.JdkExplorations.findsAndReplays;
import static dev.baton.jdk.JdkExplorations.passesTheDefaultBudget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import org.junit.jupiter.api.Test;

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
}
