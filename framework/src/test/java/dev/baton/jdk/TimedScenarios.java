package dev.baton.jdk;

import static dev.baton.jdk.Checks.check;
import static dev.baton.jdk.Checks.millisSince;
import static java.util.concurrent.TimeUnit.HOURS;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Timed operations on Baton's virtual clock: generous deadlines on a healthy program never fire,
 * and deadlines that nothing can meet fire at once, however long they are.
 */
final class TimedScenarios {
  private TimedScenarios() {}

  /** Runs {@code call}, which must time out by throwing TimeoutException. */
  private static void timesOut(String what, Callable<?> call) throws Exception {
    try {
      Object result = call.call();
      throw new AssertionError(what + " returned " + result + " instead of timing out");
    } catch (TimeoutException expected) {
      // the deadline fired
    }
  }

  // ---- healthy programs: no deadline fires --------------------------------------------------

  static void latchAndConditionAwaitOnAHealthyProgram() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    ReentrantLock lock = new ReentrantLock();
    Condition filled = lock.newCondition();
    int[] slot = new int[1];
    Thread producer = new Thread(() -> {
      started.countDown();
      lock.lock();
      try {
        slot[0] = 42;
        filled.signalAll();
      } finally {
        lock.unlock();
      }
    });
    producer.start();
    check(started.await(10, SECONDS), "latch.await(10 s) timed out on a healthy program");
    lock.lock();
    try {
      long left = SECONDS.toNanos(10);
      while (slot[0] == 0) {
        check(left > 0, "condition.awaitNanos(10 s) timed out on a healthy program");
        left = filled.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
    producer.join();
  }

  static void tryLockOfferAndPollOnAHealthyProgram() throws Exception {
    ReentrantLock lock = new ReentrantLock();
    BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(1);
    queue.put(1);
    Thread other = new Thread(() -> {
      lock.lock();
      lock.unlock();
      try {
        check(queue.poll(5, SECONDS) == 1, "poll(5 s) timed out on a full queue");
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    });
    other.start();
    check(lock.tryLock(5, SECONDS), "tryLock(5 s) timed out on a lock held for a moment");
    lock.unlock();
    check(queue.offer(2, 5, SECONDS), "offer(5 s) timed out though a consumer drains the queue");
    check(queue.poll(5, SECONDS) == 2, "poll(5 s) lost the element");
    other.join();
  }

  static void futureGetInvokeAllAndAwaitTerminationOnAHealthyPool() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<Integer> answer = pool.submit(() -> 42);
    check(answer.get(10, SECONDS) == 42, "wrong answer");
    List<Callable<Integer>> two = List.of(() -> 1, () -> 2);
    for (Future<Integer> f : pool.invokeAll(two, 10, SECONDS)) {
      check(!f.isCancelled(), "invokeAll(10 s) cancelled a task on a healthy pool");
    }
    pool.shutdown();
    check(pool.awaitTermination(10, SECONDS), "awaitTermination(10 s) timed out on a healthy pool");
  }

  static void barrierPhaserExchangerAndSemaphoreOnAHealthyProgram() throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(2);
    Phaser phaser = new Phaser(2);
    Exchanger<String> exchanger = new Exchanger<>();
    Semaphore permit = new Semaphore(0);
    Thread partner = new Thread(() -> {
      try {
        barrier.await(10, SECONDS);
        phaser.awaitAdvanceInterruptibly(phaser.arrive(), 10, SECONDS);
        exchanger.exchange("pong", 10, SECONDS);
        permit.release();
      } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
        throw new AssertionError("partner: " + e, e);
      }
    });
    partner.start();
    barrier.await(10, SECONDS);
    phaser.awaitAdvanceInterruptibly(phaser.arrive(), 10, SECONDS);
    check(exchanger.exchange("ping", 10, SECONDS).equals("pong"), "wrong exchange");
    check(permit.tryAcquire(10, SECONDS), "semaphore.tryAcquire(10 s) timed out");
    partner.join();
  }

  // ---- deadlines nothing can meet: they fire, at once ------------------------------------------

  /** Starts a thread that waits on {@code monitor} for 10 ms, once. */
  private static Thread startWaiterFor10Ms(Object monitor) {
    Thread waiter = new Thread(() -> {
      synchronized (monitor) {
        try {
          monitor.wait(10);
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      }
    }, "waiter");
    waiter.start();
    return waiter;
  }

  /**
   * A 10 ms {@code wait} times out while main sleeps 100 ms holding the monitor: the waiter re-enters
   * once the sleep ends. Nothing can run at the waiter's deadline, and it passed: the clock must
   * move on to the sleep's.
   */
  static void timedWaitEndsWhileTheHolderSleeps() throws Exception {
    Object monitor = new Object();
    Thread waiter = startWaiterFor10Ms(monitor);
    synchronized (monitor) {
      Thread.sleep(100);
    }
    waiter.join();
  }

  /**
   * The waiter's 10 ms wait times out while main holds the monitor and waits on a latch nobody
   * counts down: a real deadlock, whose report says the waiter wants its monitor back from main.
   * Main takes the monitor once the waiter waits (explored without pauses, so that the wait cannot
   * time out before).
   */
  static void timedOutWaiterNeedsTheMonitorOfAHolderStuckOnALatch() throws Exception {
    Object monitor = new Object();
    CountDownLatch never = new CountDownLatch(1);
    Thread waiter = startWaiterFor10Ms(monitor);
    while (waiter.getState() != Thread.State.TIMED_WAITING) Thread.yield();
    synchronized (monitor) {
      never.await();
    }
    waiter.join();
  }

  /** future.get(1 ms) on a task that never completes times out instead of hanging. */
  static void futureGetOnATaskThatNeverCompletesTimesOut() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    CountDownLatch never = new CountDownLatch(1);
    Future<Integer> stuck = pool.submit(() -> {
      never.await();
      return 1;
    });
    long start = System.nanoTime();
    timesOut("Future.get(1 ms)", () -> stuck.get(1, MILLISECONDS));
    check(System.nanoTime() - start >= MILLISECONDS.toNanos(1), "get(1 ms) timed out early");
    CompletableFuture<String> neverCompleted = new CompletableFuture<>();
    timesOut("CompletableFuture.get(1 h)", () -> neverCompleted.get(1, HOURS));
    check(millisSince(start) >= HOURS.toMillis(1), "get(1 h) timed out after " + millisSince(start) + " ms");
    stuck.cancel(true);
    pool.shutdown();
    check(pool.awaitTermination(10, SECONDS), "pool did not terminate");
  }

  static void tryLockTimesOutWhileTheHolderKeepsTheLock() throws Exception {
    ReentrantLock lock = new ReentrantLock();
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      lock.lock();
      try {
        locked.countDown();
        release.await();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      } finally {
        lock.unlock();
      }
    });
    holder.start();
    locked.await();
    long start = System.nanoTime();
    check(!lock.tryLock(30, SECONDS), "tryLock(30 s) got a lock that is held");
    check(millisSince(start) >= 30_000, "tryLock(30 s) gave up after " + millisSince(start) + " ms");
    release.countDown();
    holder.join();
  }

  static void pollAndOfferTimeOut() throws Exception {
    BlockingQueue<Integer> empty = new LinkedBlockingQueue<>();
    BlockingQueue<Integer> full = new ArrayBlockingQueue<>(1);
    full.put(1);
    long start = System.nanoTime();
    check(empty.poll(2, SECONDS) == null, "poll(2 s) invented an element");
    check(millisSince(start) >= 2_000, "poll(2 s) gave up after " + millisSince(start) + " ms");
    check(!full.offer(2, 2, SECONDS), "offer(2 s) added to a full queue");
    check(millisSince(start) >= 4_000, "offer(2 s) gave up after " + (millisSince(start) - 2_000) + " ms");
  }

  static void awaitsWithNobodyToMeetTimeOut() throws Exception {
    long start = System.nanoTime();
    check(!new CountDownLatch(1).await(1, SECONDS), "latch.await(1 s) returned true");
    ReentrantLock lock = new ReentrantLock();
    Condition never = lock.newCondition();
    lock.lock();
    try {
      check(!never.await(1, SECONDS), "condition.await(1 s) was signalled by nobody");
    } finally {
      lock.unlock();
    }
    check(!new Semaphore(0).tryAcquire(1, SECONDS), "tryAcquire(1 s) got a permit from nobody");
    timesOut("CyclicBarrier.await(1 s)", () -> new CyclicBarrier(2).await(1, SECONDS));
    timesOut("Exchanger.exchange(1 s)", () -> new Exchanger<String>().exchange("x", 1, SECONDS));
    Phaser phaser = new Phaser(2);
    timesOut("Phaser.awaitAdvanceInterruptibly(1 s)",
        () -> phaser.awaitAdvanceInterruptibly(phaser.arrive(), 1, SECONDS));
    long elapsed = millisSince(start);
    check(elapsed >= 6_000 && elapsed < 7_000, "six 1 s timeouts took " + elapsed + " ms");
  }

  static void awaitTerminationTimesOutOnAStuckPool() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    CountDownLatch never = new CountDownLatch(1);
    pool.execute(() -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        // shutdownNow: stop
      }
    });
    pool.shutdown();
    long start = System.nanoTime();
    check(!pool.awaitTermination(1, SECONDS), "a pool with a stuck task terminated");
    check(millisSince(start) >= 1_000, "awaitTermination(1 s) gave up after " + millisSince(start) + " ms");
    pool.shutdownNow();
    check(pool.awaitTermination(10, SECONDS), "the pool did not terminate after shutdownNow()");
  }

  // ---- buggy --------------------------------------------------------------------------------

  /** A 1 s timeout guards a call that takes 2 s: the caller treats the timeout as fatal. */
  static void timeoutShorterThanTheCallItGuards() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<String> quote = pool.submit(() -> {
        Thread.sleep(2_000); // the pricing service's usual latency
        return "42.00";
      });
      check(quote.get(1, SECONDS).equals("42.00"), "wrong quote");
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Seed 003: the consumer acknowledges each message, then offers it to a busy worker with a
   * deadline. When the worker is still busy as the deadline fires, the message is acknowledged but
   * never processed. Production pauses (GC, a slow disk) make that happen; Baton must stall the
   * worker for it.
   */
  static void ackThenOfferWithADeadlineLosesMessages() throws Exception {
    SynchronousQueue<Integer> handOff = new SynchronousQueue<>();
    SharedCounter processed = new SharedCounter();
    Thread worker = new Thread(() -> {
      try {
        for (int m = handOff.take(); m > 0; m = handOff.take()) {
          for (int step = 0; step < 3; step++) processed.incrementSafely(); // the work: no blocking
        }
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }, "worker");
    worker.start();
    int acked = 0;
    int lost = 0;
    for (int m = 1; m <= 3; m++) {
      acked++;
      if (!handOff.offer(m, 100, MILLISECONDS)) lost++;
    }
    handOff.put(-1);
    worker.join();
    check(lost == 0, "acknowledged " + acked + " messages, lost " + lost + " of them");
  }

  /** Instant.now() is a clock read like System.currentTimeMillis(): it must see virtual time. */
  static void instantNowSeesVirtualTime() throws Exception {
    Instant before = Instant.now();
    Thread.sleep(60_000);
    Duration slept = Duration.between(before, Instant.now());
    check(slept.toMillis() >= 60_000, "Instant.now() moved " + slept.toMillis()
        + " ms across a 60 s sleep");
  }
}
