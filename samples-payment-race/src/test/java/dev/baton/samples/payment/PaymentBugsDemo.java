package dev.baton.samples.payment;

import dev.baton.ExploreInterleavings;

/**
 * The incident's two bugs as a user first meets them: plain Baton tests of the shipped service,
 * which fail. Their class name does not match Surefire's default patterns, so the regular build
 * skips them; run them on purpose to see Baton's reports:
 *
 * <pre>
 * mvn test -pl samples-payment-race -Dtest=PaymentBugsDemo          (both)
 * mvn test -pl samples-payment-race -Pshow-failures                  (with every other test)
 * </pre>
 *
 * {@link BatonFindsTheOverdraftTest} and {@link BatonFindsTheHangTest} assert the same failures in
 * the regular build.
 */
class PaymentBugsDemo {

  /** Fails with an overdraft: both checkouts pass the balance check before either debits. */
  @ExploreInterleavings
  void twoSimultaneousChargesNeverOverdraw() throws InterruptedException {
    PaymentScenarios.twoSimultaneousCharges(BuggyPaymentService::new);
  }

  /** Fails with a deadlock: each transfer holds its payer's lock and waits for the other's. */
  @ExploreInterleavings
  void opposingTransfersBothComplete() throws InterruptedException {
    PaymentScenarios.opposingTransfers(BuggyPaymentService::new);
  }
}
