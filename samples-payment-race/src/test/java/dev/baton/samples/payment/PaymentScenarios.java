package dev.baton.samples.payment;

import java.util.Map;
import java.util.function.Function;

/**
 * The two incident scenarios, written once and run against either service: by Baton (explored,
 * replayed, pinned) and, with real threads, by nothing at all in the stress tests.
 *
 * <p>Each scenario opens its own accounts, starts two request threads, joins them and checks the
 * outcome, throwing {@link AssertionError} when it is wrong. Which service it runs against is the
 * only difference between the buggy and the fixed runs: the threads, their names, the order they
 * start in and the requests they make are the same, which is what lets one replay token drive both
 * (see {@link PinnedIncidentRegressionTest}).
 */
final class PaymentScenarios {
  /** Opens a service over the given accounts: {@code BuggyPaymentService::new} or the fixed one. */
  interface ServiceOpener extends Function<Map<String, Long>, PaymentService> {}

  private PaymentScenarios() {}

  /**
   * Two checkouts charge 80 each to Alice, who holds 100, at the same moment. One must be paid
   * and one declined, leaving 20; the buggy service can pay both and leave -60.
   */
  static void twoSimultaneousCharges(ServiceOpener open) throws InterruptedException {
    PaymentService service = open.apply(Map.of("alice", 100L));
    Thread first = new Thread(() -> chargeOrDecline(service, "alice", 80), "checkout-1");
    Thread second = new Thread(() -> chargeOrDecline(service, "alice", 80), "checkout-2");
    first.start();
    second.start();
    first.join();
    second.join();
    long balance = service.balance("alice");
    if (balance < 0) {
      throw new AssertionError("alice overdrawn: balance " + balance
          + " after two simultaneous charges of 80 against 100 (one should have been declined)");
    }
    if (balance != 20) {
      throw new AssertionError("alice's balance is " + balance + ", expected 20: of two charges of"
          + " 80 against 100, exactly one can be paid");
    }
  }

  /**
   * Alice pays Bob 30 while Bob pays Alice 20. Both transfers must complete and leave Alice at 90
   * and Bob at 110; the buggy service can deadlock, each transfer holding its payer's lock.
   */
  static void opposingTransfers(ServiceOpener open) throws InterruptedException {
    PaymentService service = open.apply(Map.of("alice", 100L, "bob", 100L));
    Thread aliceToBob = new Thread(() -> service.transfer("alice", "bob", 30), "alice-pays-bob");
    Thread bobToAlice = new Thread(() -> service.transfer("bob", "alice", 20), "bob-pays-alice");
    aliceToBob.start();
    bobToAlice.start();
    aliceToBob.join();
    bobToAlice.join();
    long alice = service.balance("alice");
    long bob = service.balance("bob");
    if (alice != 90 || bob != 110) {
      throw new AssertionError("after alice paid bob 30 and bob paid alice 20: alice " + alice
          + ", bob " + bob + " (expected 90 and 110)");
    }
  }

  /** A declined charge is a normal answer to a request, not a failure of the scenario. */
  private static void chargeOrDecline(PaymentService service, String accountId, long amount) {
    try {
      service.charge(accountId, amount);
    } catch (InsufficientFundsException declined) {
      // the customer sees "payment declined"; the balance check decides whether that is right
    }
  }
}
