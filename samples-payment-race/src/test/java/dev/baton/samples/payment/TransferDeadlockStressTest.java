package dev.baton.samples.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * The hang scenario the old way: real threads, many runs, no Baton. Each run starts a transfer
 * from Alice to Bob and one from Bob to Alice behind a start gate, and waits for both. A run whose
 * two threads the JVM reports as deadlocked ({@link ThreadMXBean#findDeadlockedThreads}) counts
 * as a hang and is abandoned: its threads are daemons, stay blocked on that run's own accounts,
 * and never hold up the build.
 *
 * <p>How often the buggy service hangs here is printed, never asserted (it depends on the machine
 * and its load). What is asserted holds on any machine: every run either completed with the right
 * balances or deadlocked, the fixed service never deadlocks, and the harness does recognise a
 * deadlock that is forced on it.
 */
class TransferDeadlockStressTest {
  private static final int RUNS = 2_000;

  /** A run that neither ends nor deadlocks in this time is a broken harness: fail, do not hang. */
  private static final long RUN_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @Test
  void theBuggyServiceRarelyShowsTheHangUnderStress() throws InterruptedException {
    Outcomes outcomes = stress(BuggyPaymentService::new);

    System.out.printf("[stress] buggy service: %d runs of two opposite transfers; deadlocked in %d"
        + " of them (%.2f%%)%n", RUNS, outcomes.deadlocked(), 100.0 * outcomes.deadlocked() / RUNS);
    assertThat(outcomes.completed() + outcomes.deadlocked()).isEqualTo(RUNS);
  }

  @Test
  void theFixedServiceNeverHangsUnderStress() throws InterruptedException {
    Outcomes outcomes = stress(FixedPaymentService::new);

    System.out.printf("[stress] fixed service: %d runs of two opposite transfers; deadlocked in %d"
        + "%n", RUNS, outcomes.deadlocked());
    assertThat(outcomes.deadlocked()).isZero();
    assertThat(outcomes.completed()).isEqualTo(RUNS);
  }

  /**
   * The fixed service's zero means something only if the harness does see a deadlock when there
   * is one: here two threads are forced into the same lock-order inversion, every time.
   */
  @Test
  void theHarnessRecognisesADeadlock() throws Exception {
    ReentrantLock alices = new ReentrantLock();
    ReentrantLock bobs = new ReentrantLock();
    CyclicBarrier bothHoldTheirFirstLock = new CyclicBarrier(2);
    CountDownLatch gate = new CountDownLatch(1);
    Thread aliceToBob = request("forced-alice-to-bob", gate,
        () -> lockBoth(alices, bobs, bothHoldTheirFirstLock));
    Thread bobToAlice = request("forced-bob-to-alice", gate,
        () -> lockBoth(bobs, alices, bothHoldTheirFirstLock));
    gate.countDown();

    assertThat(waitForBoth(aliceToBob, bobToAlice)).as("reported as completed").isFalse();
  }

  private static void lockBoth(ReentrantLock first, ReentrantLock second, CyclicBarrier barrier) {
    first.lock();
    try {
      barrier.await(10, TimeUnit.SECONDS);
      second.lock(); // never returns: the other thread holds it and waits for ours
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** How the runs ended; a completed run also had its balances checked. */
  private record Outcomes(int completed, int deadlocked) {}

  /** Runs the scenario {@value #RUNS} times. */
  private static Outcomes stress(PaymentScenarios.ServiceOpener open) throws InterruptedException {
    assertThat(THREADS.isSynchronizerUsageSupported())
        .as("this JVM cannot see deadlocks on ReentrantLock").isTrue();
    int completed = 0;
    int deadlocked = 0;
    for (int run = 0; run < RUNS; run++) {
      PaymentService service = open.apply(Map.of("alice", 100L, "bob", 100L));
      CountDownLatch gate = new CountDownLatch(1);
      Thread aliceToBob =
          request("alice-pays-bob", gate, () -> service.transfer("alice", "bob", 30));
      Thread bobToAlice =
          request("bob-pays-alice", gate, () -> service.transfer("bob", "alice", 20));
      gate.countDown();
      if (waitForBoth(aliceToBob, bobToAlice)) {
        assertThat(service.balance("alice")).as("alice after run %d", run).isEqualTo(90);
        assertThat(service.balance("bob")).as("bob after run %d", run).isEqualTo(110);
        completed++;
      } else {
        deadlocked++;
      }
    }
    return new Outcomes(completed, deadlocked);
  }

  private static Thread request(String name, CountDownLatch gate, Runnable transfer) {
    Thread thread = new Thread(() -> {
      try {
        gate.await();
        transfer.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** True when both ended; false when the JVM reports them deadlocked (they are abandoned). */
  private static boolean waitForBoth(Thread a, Thread b) throws InterruptedException {
    long start = System.nanoTime();
    while (true) {
      a.join(5);
      b.join(5);
      if (!a.isAlive() && !b.isAlive()) return true;
      if (deadlocked(a) && deadlocked(b)) return false;
      if (System.nanoTime() - start > RUN_LIMIT_NANOS) {
        fail("%s and %s neither finished nor deadlocked within 10 s", a.getName(), b.getName());
      }
    }
  }

  private static boolean deadlocked(Thread thread) {
    long[] ids = THREADS.findDeadlockedThreads();
    return ids != null && Arrays.stream(ids).anyMatch(id -> id == thread.getId());
  }
}
