package dev.baton.jdk;

import static dev.baton.jdk.Checks.check;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Thread.interrupt() against every way a thread blocks: each blocking call that declares
 * InterruptedException throws it and clears the status; park() returns with the status set.
 */
final class InterruptScenarios {
  private InterruptScenarios() {}

  /** A call that blocks until its thread is interrupted. */
  @FunctionalInterface
  interface Blocking {
    void block() throws InterruptedException;
  }

  /**
   * Runs {@code blocking} on a worker, interrupts the worker (before or while it blocks: the
   * schedule decides) and checks that the call threw InterruptedException and cleared the status.
   */
  private static void interruptEndsTheCall(Blocking blocking) throws InterruptedException {
    AtomicReference<String> outcome = new AtomicReference<>("still running");
    Thread worker = new Thread(() -> {
      try {
        blocking.block();
        outcome.set("returned normally");
      } catch (InterruptedException e) {
        outcome.set(Thread.currentThread().isInterrupted() ? "threw but left the status set" : "interrupted");
      }
    });
    worker.start();
    worker.interrupt();
    worker.join();
    check(outcome.get().equals("interrupted"), "the blocked call " + outcome.get());
  }

  // ---- correct ------------------------------------------------------------------------------

  static void interruptDuringSleep() throws Exception {
    interruptEndsTheCall(() -> Thread.sleep(60_000));
  }

  static void interruptDuringWait() throws Exception {
    Object lock = new Object();
    boolean[] ready = new boolean[1];
    interruptEndsTheCall(() -> {
      synchronized (lock) {
        while (!ready[0]) lock.wait();
      }
    });
  }

  static void interruptDuringTake() throws Exception {
    BlockingQueue<String> jobs = new LinkedBlockingQueue<>();
    interruptEndsTheCall(() -> jobs.take());
  }

  static void interruptDuringLockInterruptibly() throws Exception {
    ReentrantLock lock = new ReentrantLock();
    lock.lock();
    try {
      interruptEndsTheCall(() -> lock.lockInterruptibly());
    } finally {
      lock.unlock();
    }
  }

  static void interruptDuringFutureGet() throws Exception {
    CompletableFuture<String> never = new CompletableFuture<>();
    interruptEndsTheCall(() -> {
      try {
        never.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new AssertionError(e);
      }
    });
  }

  /** park() does not throw: it returns, and the interrupt status stays set for the caller to see. */
  static void interruptDuringPark() throws Exception {
    AtomicInteger parks = new AtomicInteger();
    AtomicReference<String> outcome = new AtomicReference<>("still running");
    Thread worker = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        parks.incrementAndGet();
        LockSupport.park();
      }
      outcome.set(Thread.interrupted() ? "interrupted" : "status lost");
    });
    worker.start();
    worker.interrupt();
    worker.join();
    check(outcome.get().equals("interrupted"), "the parked worker ended with " + outcome.get()
        + " after " + parks.get() + " parks");
  }

  // ---- buggy --------------------------------------------------------------------------------

  /**
   * The worker's loop checks the interrupt status, but its catch swallows the InterruptedException
   * (which cleared the status): interrupted inside take(), it loops and waits forever.
   */
  static void swallowedInterruptInATakeLoop() throws Exception {
    BlockingQueue<Integer> jobs = new LinkedTransferQueue<>();
    AtomicInteger done = new AtomicInteger();
    Thread worker = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          jobs.take();
          done.incrementAndGet();
        } catch (InterruptedException e) {
          // swallowed: the status is now clear, so the loop goes on
        }
      }
    }, "worker");
    worker.start();
    jobs.put(1);
    worker.interrupt();
    worker.join();
  }

  /** The same mistake around a polling sleep: the worker never stops polling. */
  static void swallowedInterruptInASleepLoop() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    Thread poller = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        polls.incrementAndGet();
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          // swallowed
        }
      }
    }, "poller");
    poller.start();
    poller.interrupt();
    poller.join();
  }

  /**
   * lockInterruptibly() inside the try whose finally unlocks: interrupted while waiting, the
   * thread unlocks a lock it never got.
   */
  static void unlockInFinallyAfterAnInterruptedLockInterruptibly() throws Exception {
    ReentrantLock lock = new ReentrantLock();
    AtomicInteger updates = new AtomicInteger();
    Thread updater = new Thread(() -> {
      try {
        lock.lockInterruptibly();
        updates.incrementAndGet();
      } catch (InterruptedException e) {
        // cancelled: fine
      } finally {
        lock.unlock();
      }
    }, "updater");
    lock.lock();
    try {
      updater.start();
      updater.interrupt();
    } finally {
      lock.unlock();
    }
    updater.join();
  }
}
