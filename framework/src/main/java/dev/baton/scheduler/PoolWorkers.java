package dev.baton.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

/**
 * Pool workers in a schedule: the schedule's own common pool, the adoption of {@code
 * ForkJoinPool} workers that the schedule did not start but wakes, and their release at its end
 * (an idle worker parks again for real rather than unwind, which would make its pool replace it).
 */
final class PoolWorkers {
  /** The JVM's common pool, as seen from outside any schedule. */
  static final ForkJoinPool JVM_COMMON_POOL = ForkJoinPool.commonPool();

  private final Scheduler s;

  /** What the common pool is inside this schedule; made on first use, shut down at its end. */
  private ForkJoinPool commonPool;

  PoolWorkers(Scheduler s) {
    this.s = s;
  }

  /** The common pool of this schedule, made like the JVM's on first use. */
  ForkJoinPool commonPool(ForkJoinPool common) {
    if (commonPool == null) {
      // Like the JVM's: same size, daemon workers named as the common pool's. They are started
      // by managed threads, so they are managed.
      int[] workers = {0};
      commonPool = new ForkJoinPool(
          common.getParallelism(),
          pool -> {
            ForkJoinWorkerThread worker =
                ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            worker.setName("ForkJoinPool.commonPool-worker-" + ++workers[0]);
            worker.setDaemon(true);
            // Code loaded through the context loader must see the instrumented classes.
            worker.setContextClassLoader(Thread.currentThread().getContextClassLoader());
            return worker;
          },
          null,
          common.getAsyncMode());
    }
    return commonPool;
  }

  /** The schedule ended: shuts its common pool down (its workers were released, parked). */
  void shutdown() {
    if (commonPool != null) commonPool.shutdownNow();
  }

  /**
   * A managed thread wakes a thread that this schedule did not start: a {@code ForkJoinPool}
   * worker of the common pool that outlived an earlier schedule, or that the JVM started before
   * the exploration; or any thread parked in {@code java.util.concurrent} (a worker of a pool
   * made outside the exploration, or of a JDK pool such as {@code CompletableFuture}'s delayer
   * that an earlier exploration started, waiting for work). It becomes a thread of this schedule,
   * like a thread just started: it runs what it was woken for under control, and the next
   * decision waits for it to arrive. Left alone, it would run beside the baton, outside control.
   */
  void adopt(ManagedThread me, Thread worker) {
    if (s.aborted || worker == null || !worker.isAlive() || isCarrier(worker)
        || s.dispatch != null && s.dispatch.ownerOf(worker) != null) {
      return; // (a thread of a schedule running beside this one is that schedule's)
    }
    boolean poolWorker = worker instanceof ForkJoinWorkerThread;
    if (!poolWorker && !parkedInJavaUtilConcurrent(worker)) return;
    ManagedThread adopted = s.register(worker);
    adopted.adopted = !poolWorker;
    adopted.handlerBeforeAdoption = worker.getUncaughtExceptionHandler();
    if (s.observer != null) s.observer.global();
    // The unpark counts in the model too: the worker may not have parked yet (it can still be
    // on its way back from an earlier schedule), and then its next park must return at once.
    adopted.parkPermit = true;
    s.lifecycle.reportUncaughtExceptions(adopted);
    s.record(me, me.lastSite, Trace.UNPARK, adopted);
  }

  /**
   * Whether {@code t}, ending with its schedule, is an idle worker (or an adopted thread, idle or
   * running) to release rather than unwind.
   * An idle worker is not unwound, which would make its pool replace it while the schedule ends:
   * it parks again for real, outside the model, and a pool that is shut down (the schedule's own
   * common pool) ends it. A worker in the middle of a task is unwound like any thread: the pool
   * catches that per task.
   */
  static boolean releasable(ManagedThread t) {
    if (t.terminated) return false;
    if (t.adopted) {
      // Not the schedule's to end: unwound, a pool's worker would die and the pool start another
      // outside every schedule. Running, it finishes what it was woken for outside the model.
      return t.wait == ManagedThread.Wait.PARK || t.wait == ManagedThread.Wait.NONE;
    }
    return t.thread instanceof ForkJoinWorkerThread && t.wait == ManagedThread.Wait.PARK;
  }

  /**
   * A thread released at the end of its schedule that runs nothing of it once idle: an adopted
   * thread (it parks again for real where it waited for work, after finishing what it ran), or a
   * worker of the JVM's common pool.
   */
  static boolean releasedIdle(ManagedThread t) {
    return t.released && t.adopted || releasedOfTheJvm(t);
  }

  /**
   * Waits a little for the pool workers and adopted threads released at the end of this schedule
   * to park for real or end: a worker of the JVM's common pool still scanning its queues could
   * take a task of the next schedule before that schedule knows of it, and run it outside the
   * model; an adopted thread still on its way to its real park could not be adopted again.
   *
   * @return the released threads that are neither idle nor ended by then: they may still run
   *     code of this schedule
   */
  static List<Thread> awaitReleasedWorkersIdle(ManagedThread[] threads)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    List<Thread> busy = new ArrayList<>(0);
    for (ManagedThread t : threads) {
      if (!releasedIdle(t)) continue;
      boolean idle = idle(t);
      while (!idle && System.nanoTime() < deadline) {
        Thread.sleep(1);
        idle = idle(t);
      }
      if (!idle) busy.add(t.thread);
    }
    return busy;
  }

  private static boolean idle(ManagedThread released) {
    Thread thread = released.thread;
    if (!thread.isAlive()) return true;
    // An adopted thread let go from a timed park may hold this schedule's delayed work (a
    // scheduled pool's next task): it counts as busy, so nothing of this schedule is reset under it.
    return released.adopted ? !released.timed && parkedInJavaUtilConcurrent(thread)
        : idleInPool(thread);
  }

  /** A worker of the JVM's common pool released at the end of its schedule. */
  static boolean releasedOfTheJvm(ManagedThread t) {
    return t.released && t.thread instanceof ForkJoinWorkerThread w
        && w.getPool() == JVM_COMMON_POOL;
  }

  /** Parked for real where a pool worker waits for work, not in Baton's own code. */
  private static boolean idleInPool(Thread worker) {
    if (!waiting(worker)) return false;
    boolean awaitingWork = false;
    for (StackTraceElement e : worker.getStackTrace()) {
      // Its real park may pass through Baton's hooks (JDK 25 parks idle workers via Unsafe),
      // but not through the scheduler, which would mean it still waits for the baton.
      if (e.getClassName().startsWith("dev.baton.scheduler.")) return false;
      awaitingWork |= e.getClassName().equals("java.util.concurrent.ForkJoinPool")
          && e.getMethodName().equals("awaitWork");
    }
    return awaitingWork;
  }

  /**
   * Parked for real by {@code java.util.concurrent} itself (a queue, a latch, a pool waiting for
   * work): its top frame is the park, the first frame above the park's own plumbing is in {@code
   * java.util.concurrent}, and no frame is Baton's own (whose threads pass through the scheduler).
   * Not a thread in {@code sleep}, {@code wait} or {@code join}, nor one a library parks directly.
   */
  private static boolean parkedInJavaUtilConcurrent(Thread thread) {
    if (!waiting(thread) || thread.getClass().getName().equals("java.lang.VirtualThread")) {
      return false;
    }
    StackTraceElement[] stack = thread.getStackTrace();
    if (stack.length == 0 || !stack[0].getMethodName().equals("park")
        || !stack[0].getClassName().endsWith(".Unsafe")) {
      return false;
    }
    int i = 1;
    while (i < stack.length && isParkPlumbing(stack[i].getClassName())) i++;
    if (i == stack.length || !stack[i].getClassName().startsWith("java.util.concurrent.")) {
      return false;
    }
    for (StackTraceElement e : stack) {
      String c = e.getClassName();
      if (c.startsWith("dev.baton.") && !c.startsWith("dev.baton.runtime.")) return false;
    }
    return true;
  }

  private static boolean waiting(Thread thread) {
    Thread.State state = thread.getState();
    return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
  }

  private static boolean isParkPlumbing(String className) {
    return className.equals("java.util.concurrent.locks.LockSupport")
        || className.endsWith(".Unsafe") || className.startsWith("dev.baton.runtime.");
  }

  /** A carrier of virtual threads: it runs the managed virtual threads, and is the JVM's own. */
  static boolean isCarrier(Thread thread) {
    return thread.getClass().getName().equals("jdk.internal.misc.CarrierThread");
  }
}
