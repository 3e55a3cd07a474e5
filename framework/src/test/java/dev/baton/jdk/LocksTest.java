package dev.baton.jdk;

import static dev.baton.jdk.JdkExplorations.findsAndReplays;
import static dev.baton.jdk.JdkExplorations.passesTheDefaultBudget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import org.junit.jupiter.api.Test;

/** ReentrantReadWriteLock and StampedLock. */
class LocksTest {

  @Test
  void readWriteLockLazyLoadThatRechecksLoadsOnce() {
    passesTheDefaultBudget(LockScenarios::readWriteLockLazyLoadRechecks);
  }

  @Test
  void stampedLockValidatedOptimisticReadIsNeverTorn() {
    passesTheDefaultBudget(LockScenarios::stampedLockOptimisticReadValidated);
  }

  @Test
  void findsTheCheckThenActAcrossAReadToWriteLockUpgrade() {
    InterleavingFailure failure = findsAndReplays(
        LockScenarios::readWriteLockCheckThenActAcrossTheUpgrade, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessage("the configuration was loaded 2 times");
    assertThat(failure.getMessage()).contains("write LockScenarios$LazyConfig.loads");
  }

  @Test
  void findsTheSelfDeadlockOfUpgradingAReadLock() {
    InterleavingFailure failure =
        findsAndReplays(LockScenarios::readWriteLockUpgradeDeadlocks, Kind.DEADLOCK);
    assertThat(failure.getMessage())
        .contains("deadlock")
        .containsPattern("thread-1 waits for ReentrantReadWriteLock#\\d, at "
            + "LockScenarios\\$LazyConfig.getByUpgrading\\(LockScenarios.java:\\d+\\),"
            + " in ReentrantReadWriteLock\\$WriteLock.lock")
        .contains("call ReentrantReadWriteLock$WriteLock.lock");
  }

  @Test
  void findsAnOptimisticReadThatIsNotValidated() {
    InterleavingFailure failure =
        findsAndReplays(LockScenarios::stampedLockOptimisticReadNotValidated, Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessage("read a torn point (1, 0)");
    assertThat(failure.getMessage()).contains("call StampedLock.tryOptimisticRead");
  }
}
