package dev.baton.scenarios;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/** Deadlines, pauses, spurious wakeups and everything that can keep a schedule from ending. */
public final class LivenessScenarios {
  private LivenessScenarios() {}

  // ---- deadlines and pauses ---------------------------------------------------------------

  /**
   * Seed 003 in small: a message is handed to a busy worker with a deadline; when the deadline
   * fires first, the message is dropped. Needs a pause of the worker to show.
   */
  public static void handOffWithADeadline() throws InterruptedException {
    SynchronousQueue<Integer> handOff = new SynchronousQueue<>();
    AtomicInteger processed = new AtomicInteger();
    Thread worker = new Thread(() -> {
      try {
        while (true) {
          handOff.take();
          processed.incrementAndGet();
        }
      } catch (InterruptedException e) {
        // shut down
      }
    });
    worker.setDaemon(true);
    worker.start();
    for (int message = 0; message < 2; message++) {
      if (!handOff.offer(message, 50, TimeUnit.MILLISECONDS)) {
        throw new AssertionError("message " + message + " dropped: the deadline fired first");
      }
    }
  }

  /**
   * The usual guard of a test, {@code await(1, SECONDS)}, while busy workers count down: as long
   * as the pause budget, so it must never fire, although the JDK parks for a little less than a
   * second after its own steps.
   */
  public static void awaitAsLongAsThePauseBudget() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(2);
    AtomicInteger work = new AtomicInteger();
    for (int i = 0; i < 2; i++) {
      new Thread(() -> {
        for (int k = 0; k < 5; k++) work.incrementAndGet();
        done.countDown();
      }).start();
    }
    if (!done.await(1, TimeUnit.SECONDS)) throw new AssertionError("await(1 s) timed out");
  }

  /** A pool of daemon workers that the scenario never shuts down, as in many programs. */
  public static void unclosedDaemonPool() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2, task -> {
      Thread t = new Thread(task);
      t.setDaemon(true);
      return t;
    });
    if (pool.submit(() -> 42).get() != 42) throw new AssertionError("wrong answer");
  }

  /** A healthy pool: a ten-second awaitTermination must never time out. */
  public static void healthyPoolTerminatesWithinTenSeconds() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicInteger done = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      pool.execute(() -> {
        for (int k = 0; k < 5; k++) done.incrementAndGet();
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
      throw new AssertionError("awaitTermination timed out with " + done.get() + " increments");
    }
    if (done.get() != 15) throw new AssertionError("done = " + done.get());
  }

  // ---- spurious wakeups ---------------------------------------------------------------------

  static final class Flag {
    boolean ready;
  }

  /** Waits in an {@code if}, not a {@code while}: wrong only when a wakeup is spurious. */
  public static void waitInAnIf() throws InterruptedException {
    Object lock = new Object();
    Flag flag = new Flag();
    Thread consumer = new Thread(() -> {
      synchronized (lock) {
        if (!flag.ready) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (!flag.ready) throw new IllegalStateException("woke up, but nothing is ready");
      }
    });
    consumer.start();
    synchronized (lock) {
      flag.ready = true;
      lock.notifyAll();
    }
    consumer.join();
  }

  static final class Parked {
    volatile boolean ready;
  }

  /** A hand-rolled hand-off that parks in an {@code if}: the same mistake with LockSupport. */
  public static void parkInAnIf() throws InterruptedException {
    Parked flag = new Parked();
    Thread consumer = new Thread(() -> {
      if (!flag.ready) LockSupport.park();
      if (!flag.ready) throw new IllegalStateException("woke up, but nothing is ready");
    });
    consumer.start();
    flag.ready = true;
    LockSupport.unpark(consumer);
    consumer.join();
  }

  /** A condition awaited in an {@code if}: the JDK's own loop hides spurious wakeups of park. */
  public static void awaitInAnIf() throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    Condition ready = lock.newCondition();
    Flag flag = new Flag();
    Thread consumer = new Thread(() -> {
      lock.lock();
      try {
        if (!flag.ready) ready.awaitUninterruptibly();
        if (!flag.ready) throw new IllegalStateException("woke up, but nothing is ready");
      } finally {
        lock.unlock();
      }
    });
    consumer.start();
    lock.lock();
    try {
      flag.ready = true;
      ready.signalAll();
    } finally {
      lock.unlock();
    }
    consumer.join();
  }

  /**
   * Correct: two threads wait on a latch while main yields fifty times, then counts it down. With
   * spurious wakeups the two used to take turns waking and parking again, for ever.
   */
  public static void twoParkedThreadsAndABusyMain() throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(1);
    Runnable await = () -> {
      try {
        latch.await();
      } catch (InterruptedException e) {
        // not interrupted here
      }
    };
    Thread first = new Thread(await);
    Thread second = new Thread(await);
    first.start();
    second.start();
    int yields = 0;
    for (int i = 0; i < 50; i++) {
      Thread.yield();
      yields++;
    }
    latch.countDown();
    first.join();
    second.join();
    if (yields != 50) throw new AssertionError("yields = " + yields);
  }

  /** Correct: two tasks on a pool of two idle workers, the results awaited, the pool shut down. */
  public static void twoTasksOnAPoolOfTwo() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    java.util.concurrent.Future<Integer> a = pool.submit(() -> 1);
    java.util.concurrent.Future<Integer> b = pool.submit(() -> 2);
    if (a.get() + b.get() != 3) throw new AssertionError("not 3");
    pool.shutdown();
  }

  // ---- threads that never end ---------------------------------------------------------------

  /** A worker left blocked on a full queue when the scenario returns. */
  public static void workerLeftBlockedOnAFullQueue() throws InterruptedException {
    BlockingQueue<String> queue = new ArrayBlockingQueue<>(1);
    Thread producer = new Thread(() -> {
      try {
        queue.put("a");
        queue.put("b");
        queue.put("c"); // one was taken, and nobody takes another: blocks forever
      } catch (InterruptedException e) {
        // shut down
      }
    }, "producer");
    producer.start();
    queue.take();
  }

  static final class Node {
    private Node next;

    Node next() {
      return next;
    }
  }

  /** Walks a list that a bug made cyclic; the loop advances through a getter. */
  public static void loopThroughAGetter() {
    Node a = new Node();
    Node b = new Node();
    a.next = b;
    b.next = a;
    walk(a);
  }

  static int walk(Node head) {
    int length = 0;
    for (Node n = head; n != null; n = n.next()) {
      length++;
    }
    return length;
  }

  static final class Resolver {
    int depth;

    /** Two session aliases that point at each other: resolving recurses forever. */
    String resolve(String alias) {
      depth++;
      return alias.equals("a") ? resolveOther("b") : resolve("a");
    }

    String resolveOther(String alias) {
      return resolve(alias);
    }
  }

  public static void endlessRecursion() throws InterruptedException {
    Thread t = new Thread(() -> new Resolver().resolve("a"), "resolver");
    t.start();
    t.join();
  }

  /** The same recursion on a stack too small to reach the depth bound: it overflows first. */
  public static void endlessRecursionOnASmallStack() throws InterruptedException {
    Thread t = new Thread(null, () -> new Resolver().resolve("a"), "resolver", 160 * 1024);
    t.start();
    t.join();
  }

  public static void outOfMemory() throws InterruptedException {
    Thread t = new Thread(() -> {
      long[][] huge = new long[1][];
      huge[0] = new long[Integer.MAX_VALUE - 8];
    }, "allocator");
    t.start();
    t.join();
  }

  // ---- outside the model ------------------------------------------------------------------

  /** Blocks in native code (accept on a socket nobody connects to): only the watchdog ends it. */
  public static void blockedInAccept(ServerSocket server) throws InterruptedException {
    Thread t = new Thread(() -> {
      try {
        server.accept();
      } catch (IOException closed) {
        // the test closed the socket
      }
    }, "acceptor");
    t.start();
    t.join();
  }

  /** The scenario's own thread blocks in native code while holding the baton. */
  public static void mainBlockedInAccept(ServerSocket server) throws IOException {
    Flag flag = new Flag();
    flag.ready = true;
    server.accept();
  }
}
