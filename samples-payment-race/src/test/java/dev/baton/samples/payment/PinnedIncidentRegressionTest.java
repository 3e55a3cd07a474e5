package dev.baton.samples.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExploreInterleavings;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import org.junit.jupiter.api.Test;

/**
 * The incident's two schedules, kept as regression tests the way a team keeps a production race
 * from coming back: the replay tokens Baton printed when it first failed on the shipped service,
 * pinned in {@code @ExploreInterleavings(replay = ...)} on the service as it is now.
 *
 * <p>Both tokens were recorded by {@link PaymentBugsDemo} against {@link BuggyPaymentService}
 * (copied from its report, {@code mvn test -pl samples-payment-race -Dtest=PaymentBugsDemo}).
 * In a real project the fix replaces the buggy code; here the two live side by side, so each
 * token is used twice:
 *
 * <ul>
 *   <li>pinned on {@link FixedPaymentService}, where it passes: the schedule that overdrew or hung
 *       the shipped service is now paid once, or completes;
 *   <li>replayed on {@link BuggyPaymentService}, where it must still fail the same way. That is
 *       what makes the pinned test worth keeping: if the fix is ever undone, the pinned token
 *       replays the original failure exactly, on the first schedule.
 * </ul>
 *
 * <p>Why one token can drive both services: a token is the list of threads chosen at each point
 * where more than one thread could run, each named by its id in start order (main is 0, then every
 * thread in the order it was started). The scenario code is shared ({@link PaymentScenarios}): the
 * same threads start in the same order and make the same requests, only the service behind them
 * differs. So thread 1 is checkout-1 (or alice-pays-bob) in both, and on the buggy service every
 * recorded choice applies and the replay is exact. On the fixed service the same choices drive a
 * different interleaving, because the lock now covers the check (or is taken in id order), and the
 * schedule ends before it has used every choice: a strict replay ({@code -Dbaton.replay}, {@link
 * Interleavings.Options#replay}) would call that a divergence, the pinned replay is lenient and
 * passes, and the {@code [baton]} line says that the pinned schedule diverged and passed. A scenario that
 * started another thread, or started them in another order, would make the ids mean other threads:
 * re-record the token when the scenario changes, and when a Baton upgrade changes its scheduling
 * points (the strict companion replays below then fail with a divergence and say so).
 */
class PinnedIncidentRegressionTest {
  /** The overdraft: both checkouts passed the check, alice ended at -60 (RANDOM, schedule 1). */
  static final String OVERDRAFT_TOKEN = "ASYONzEAFvEMXbHUFgQBDQACAgMBAQIBAQICAQEBAgEBAd0OTyE";

  /** The hang: each transfer held its payer's lock, waited for the other's (RANDOM, schedule 1). */
  static final String HANG_TOKEN = "Ab4UN5gAV7YNHEsax9QBDAEBAAECAQABAQECAgEBAgEBA2E75Os";

  @ExploreInterleavings(replay = OVERDRAFT_TOKEN)
  void theIncidentOverdraftScheduleNowPaysExactlyOneCharge() throws InterruptedException {
    PaymentScenarios.twoSimultaneousCharges(FixedPaymentService::new);
  }

  @ExploreInterleavings(replay = HANG_TOKEN)
  void theIncidentHangScheduleNowCompletesBothTransfers() throws InterruptedException {
    PaymentScenarios.opposingTransfers(FixedPaymentService::new);
  }

  @Test
  void theOverdraftTokenStillOverdrawsTheBuggyService() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(OVERDRAFT_TOKEN)
            .explore(PinnedIncidentRegressionTest::chargesOnTheBuggyService));

    assertThat(failure).as("the pinned overdraft no longer fails the buggy service").isNotNull();
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.EXCEPTION);
    assertThat(failure.getCause()).hasMessageStartingWith("alice overdrawn: balance -60");
    assertThat(failure.getMessage())
        .contains("Baton replayed schedule 1 (strategy RANDOM, seed 1653116134776641028)");
  }

  @Test
  void theHangTokenStillDeadlocksTheBuggyService() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(HANG_TOKEN)
            .explore(PinnedIncidentRegressionTest::opposingTransfersOnTheBuggyService));

    assertThat(failure).as("the pinned hang no longer fails the buggy service").isNotNull();
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
    assertThat(failure.getMessage())
        .contains("cycle: alice-pays-bob -> bob-pays-alice -> alice-pays-bob")
        .contains("Baton replayed schedule 1 (strategy RANDOM, seed 6320253542231361492)");
  }

  static void chargesOnTheBuggyService() throws InterruptedException {
    PaymentScenarios.twoSimultaneousCharges(BuggyPaymentService::new);
  }

  static void opposingTransfersOnTheBuggyService() throws InterruptedException {
    PaymentScenarios.opposingTransfers(BuggyPaymentService::new);
  }
}
