package dev.baton.samples.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ExploreInterleavings;
import dev.baton.Strategy;
import java.util.Map;

/**
 * The fixed service under Baton: the incident's two scenarios, and a busier one, pass every
 * schedule Baton tries.
 */
class FixedPaymentServiceTest {
  /**
   * The schedule budget of the {@link Strategy#EXHAUSTIVE} check below. Explored at about 1000
   * schedules a second on a 2-core machine, so it costs a few seconds.
   */
  static final int EXHAUSTIVE_BUDGET = 3000;

  /** The overdraft scenario: one checkout is paid, the other declined, alice keeps 20. */
  @ExploreInterleavings
  void twoSimultaneousChargesPayExactlyOne() throws InterruptedException {
    PaymentScenarios.twoSimultaneousCharges(FixedPaymentService::new);
  }

  /** The same scenario with PCT, which steers toward schedules of few priority changes. */
  @ExploreInterleavings(strategy = Strategy.PCT, schedules = 500)
  void twoSimultaneousChargesPayExactlyOneUnderPct() throws InterruptedException {
    PaymentScenarios.twoSimultaneousCharges(FixedPaymentService::new);
  }

  /**
   * The hang scenario, enumerated by {@link Strategy#EXHAUSTIVE}: both opposite transfers
   * complete in every schedule of Baton's depth-first, preemption-bounded enumeration, and their
   * money adds up.
   *
   * <p>Within the default preemption bound the enumeration ends well inside the budget of
   * {@value #EXHAUSTIVE_BUDGET} (the {@code [baton]} line says it explored all 437 schedules with at
   * most 2 preemptions, schedules that only reorder independent steps skipped): a proof up to that
   * bound. What gives the bound weight: the same enumeration finds the buggy service's deadlock
   * within its first few dozen schedules (see {@link BatonFindsTheHangTest}). For a deeper check:
   * {@code -Dbaton.maxPreemptions=3}.
   */
  @ExploreInterleavings(strategy = Strategy.EXHAUSTIVE, schedules = EXHAUSTIVE_BUDGET)
  void opposingTransfersNeverHang() throws InterruptedException {
    PaymentScenarios.opposingTransfers(FixedPaymentService::new);
  }

  /**
   * Three requests on two accounts at once: Alice is charged 80 and pays Bob 50 out of her 100,
   * while she is refunded 10. Whatever the order, no balance goes negative, money is conserved, and
   * at least one of the charge and the transfer is paid (together they need 130 of at most 110).
   */
  @ExploreInterleavings(strategy = Strategy.POS)
  void aChargeATransferAndARefundAtOnceKeepTheBooksStraight() throws InterruptedException {
    PaymentService service = new FixedPaymentService(Map.of("alice", 100L, "bob", 0L));
    boolean[] paid = new boolean[2]; // [charge, transfer], each written by its own thread only
    Thread charge = new Thread(() -> paid[0] = paidOrDeclined(() -> service.charge("alice", 80)));
    Thread transfer = new Thread(
        () -> paid[1] = paidOrDeclined(() -> service.transfer("alice", "bob", 50)));
    Thread refund = new Thread(() -> service.refund("alice", 10));
    charge.start();
    transfer.start();
    refund.start();
    charge.join();
    transfer.join();
    refund.join();

    long alice = service.balance("alice");
    long bob = service.balance("bob");
    assertThat(alice).isNotNegative();
    assertThat(bob).isEqualTo(paid[1] ? 50 : 0);
    assertThat(alice).isEqualTo(100 + 10 - (paid[0] ? 80 : 0) - (paid[1] ? 50 : 0));
    assertThat(paid[0] || paid[1]).as("charge or transfer paid").isTrue();
  }

  private static boolean paidOrDeclined(Runnable payment) {
    try {
      payment.run();
      return true;
    } catch (InsufficientFundsException declined) {
      return false;
    }
  }
}
