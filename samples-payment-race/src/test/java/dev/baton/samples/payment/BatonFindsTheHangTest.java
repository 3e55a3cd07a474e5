package dev.baton.samples.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Baton finds the hang of {@link BuggyPaymentService#transfer}, with every strategy: a deadlock
 * whose report names both request threads, the two account locks, and who holds which. These tests
 * pass because the failure is expected; {@link PaymentBugsDemo} shows it as a failing test.
 */
class BatonFindsTheHangTest {
  private static final int BUDGET = 1000;

  /** "alice-pays-bob waits for ReentrantLock#1 held by bob-pays-alice, at ..." */
  private static final Pattern WAITS_FOR =
      Pattern.compile("(?m)^  (\\S+) waits for (ReentrantLock#\\d+) held by (\\S+), at ");

  @ParameterizedTest
  @EnumSource(Strategy.class)
  void everyStrategyFindsTheDeadlock(Strategy strategy) {
    InterleavingFailure failure = explore(strategy, BUDGET);

    assertThat(failure).as("Baton found no deadlock in %d schedules", BUDGET).isNotNull();
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
    String report = failure.getMessage();
    assertThat(report)
        .startsWith("deadlock: every live thread is blocked")
        .contains("main waits to join alice-pays-bob")
        .contains("cycle: alice-pays-bob -> bob-pays-alice -> alice-pays-bob")
        .contains("-Dbaton.replay=" + failure.replayToken());

    // Each transfer waits for a lock the other one holds: two waits, two different locks.
    List<LockWait> waits = lockWaits(report);
    assertThat(waits).as("lock waits in:%n%s", report)
        .extracting(LockWait::waiter, LockWait::holder)
        .containsExactly(tuple("alice-pays-bob", "bob-pays-alice"),
            tuple("bob-pays-alice", "alice-pays-bob"));
    assertThat(waits.get(0).lock()).as("the lock each transfer waits for, in:%n%s", report)
        .isNotEqualTo(waits.get(1).lock());
    assertThat(report).contains("BuggyPaymentService.transfer(BuggyPaymentService.java:");
  }

  @Test
  void theTokenReplaysTheSameDeadlockWithTheSameInterleaving() {
    InterleavingFailure found = explore(Strategy.RANDOM, BUDGET);

    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(found.replayToken())
            .explore(BatonFindsTheHangTest::opposingTransfersOnTheBuggyService));

    assertThat(replayed).as("the replay did not fail").isNotNull();
    assertThat(replayed.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
    assertThat(replayed.trace()).isEqualTo(found.trace());
    assertThat(deadlockDetails(replayed)).isEqualTo(deadlockDetails(found));
    assertThat(replayed.getMessage()).contains("Baton replayed schedule " + found.schedule());
  }

  /**
   * The same depth-first enumeration that clears {@link FixedPaymentService} in {@link
   * FixedPaymentServiceTest#opposingTransfersNeverHang} within its budget finds the buggy service's
   * deadlock early in that budget: the bound is not too small to see this bug.
   */
  @Test
  void theExhaustiveEnumerationFindsTheDeadlockWellWithinTheBudgetThatClearsTheFix() {
    InterleavingFailure failure =
        explore(Strategy.EXHAUSTIVE, FixedPaymentServiceTest.EXHAUSTIVE_BUDGET);

    assertThat(failure).isNotNull();
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
    assertThat(failure.schedule()).isLessThan(FixedPaymentServiceTest.EXHAUSTIVE_BUDGET / 10);
    System.out.println("[sample] EXHAUSTIVE finds the buggy service's deadlock in schedule "
        + failure.schedule() + " of " + FixedPaymentServiceTest.EXHAUSTIVE_BUDGET);
  }

  /** The scenario Baton explores; a static method, so Baton can re-load it (no captured state). */
  static void opposingTransfersOnTheBuggyService() throws InterruptedException {
    PaymentScenarios.opposingTransfers(BuggyPaymentService::new);
  }

  private static InterleavingFailure explore(Strategy strategy, int budget) {
    return catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(strategy).seed(2007).schedules(budget)
            .explore(BatonFindsTheHangTest::opposingTransfersOnTheBuggyService));
  }

  /** One "X waits for ReentrantLock#n held by Y" line of a deadlock report. */
  private record LockWait(String waiter, String lock, String holder) {}

  private static List<LockWait> lockWaits(String report) {
    List<LockWait> waits = new ArrayList<>();
    Matcher m = WAITS_FOR.matcher(report);
    while (m.find()) waits.add(new LockWait(m.group(1), m.group(2), m.group(3)));
    return waits;
  }

  /** The report between its second line ("Baton found/replayed ...") and the interleaving. */
  private static String deadlockDetails(InterleavingFailure failure) {
    String report = failure.getMessage();
    return report.substring(report.indexOf("\n\n"), report.indexOf("Interleaving ("));
  }
}
