package dev.baton.samples.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The overdraft scenario the old way: real threads, many runs, no Baton. Two checkout threads are
 * lined up on a barrier and charge 80 each to a fresh account holding 100, {@value #RUNS} times,
 * and the test counts how often the account was overdrawn.
 *
 * <p>How often the buggy service overdraws here depends on the machine, its load and the JIT; it
 * is printed, never asserted (a stress test that asserts a race shows up is a flaky test). What is
 * asserted holds on any machine: every run happened, every run ended in one of the outcomes the
 * code allows, and the fixed service never overdraws.
 */
class OverdraftStressTest {
  private static final int RUNS = 10_000;

  @Test
  void theBuggyServiceRarelyShowsTheOverdraftUnderStress() throws Exception {
    Map<Long, Integer> balances = stress(BuggyPaymentService::new);

    int overdrawn = balances.getOrDefault(-60L, 0);
    System.out.printf("[stress] buggy service: %d runs of two simultaneous charges of 80 against"
        + " 100; overdrawn (-60) in %d of them (%.3f%%); final balances %s%n",
        RUNS, overdrawn, 100.0 * overdrawn / RUNS, balances);
    assertThat(balances.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(RUNS);
    // One charge paid (20) or both (-60): the debit itself is locked, so nothing else can happen.
    assertThat(balances.keySet()).isSubsetOf(20L, -60L);
  }

  @Test
  void theFixedServiceNeverOverdrawsUnderStress() throws Exception {
    Map<Long, Integer> balances = stress(FixedPaymentService::new);

    System.out.printf("[stress] fixed service: %d runs of two simultaneous charges of 80 against"
        + " 100; final balances %s%n", RUNS, balances);
    assertThat(balances).containsExactly(Map.entry(20L, RUNS));
  }

  /** Runs the scenario {@value #RUNS} times and counts the final balances. */
  private static Map<Long, Integer> stress(PaymentScenarios.ServiceOpener open) throws Exception {
    AtomicReference<PaymentService> service = new AtomicReference<>();
    // Main and both checkouts meet here before each run (the checkouts then charge at once) and
    // after it (main then reads the balance).
    CyclicBarrier start = new CyclicBarrier(3);
    CyclicBarrier end = new CyclicBarrier(3);
    Thread[] checkouts = new Thread[2];
    for (int i = 0; i < checkouts.length; i++) {
      checkouts[i] = new Thread(() -> chargeEveryRun(service, start, end), "checkout-" + (i + 1));
      checkouts[i].setDaemon(true);
      checkouts[i].start();
    }
    Map<Long, Integer> balances = new TreeMap<>();
    try {
      for (int run = 0; run < RUNS; run++) {
        service.set(open.apply(Map.of("alice", 100L)));
        await(start);
        await(end);
        balances.merge(service.get().balance("alice"), 1, Integer::sum);
      }
    } finally {
      for (Thread checkout : checkouts) checkout.interrupt();
    }
    return balances;
  }

  private static void chargeEveryRun(
      AtomicReference<PaymentService> service, CyclicBarrier start, CyclicBarrier end) {
    try {
      for (int run = 0; run < RUNS; run++) {
        await(start);
        try {
          service.get().charge("alice", 80);
        } catch (InsufficientFundsException declined) {
          // one of the two is expected to be declined
        }
        await(end);
      }
    } catch (Exception stopped) {
      // interrupted or timed out: main reports it
    }
  }

  /** A barrier that gives up after 10 s, so a broken harness fails instead of hanging the build. */
  private static void await(CyclicBarrier barrier)
      throws InterruptedException, BrokenBarrierException, TimeoutException {
    barrier.await(10, TimeUnit.SECONDS);
  }
}
