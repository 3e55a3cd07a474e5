package dev.baton.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The thread that runs each schedule's scenario, kept from one schedule to the next: starting a
 * thread costs about as much as a small schedule. If the last one is still busy (a schedule that
 * was aborted and is stuck), a fresh one takes over.
 */
final class MainThread implements AutoCloseable {
  private static final long COME_BACK_MILLIS = 1_000;
  /**
   * How long the next schedule waits for the last one's threads to be gone: they have run their
   * last hook and are exiting. One still alive then makes the next schedule use a new loader.
   */
  private static final long GONE_MILLIS = 50;

  private Worker worker;
  /** The threads of the schedule that last ended here, for the next (see scheduleEnded). */
  private List<Thread> ended;

  /** Runs {@code task} on the main thread with {@code contextLoader} as its context class loader. */
  void execute(Runnable task, ClassLoader contextLoader) throws InterruptedException {
    Runnable withLoader = () -> {
      Thread.currentThread().setContextClassLoader(contextLoader);
      Thread.interrupted(); // an interrupt left over from the last schedule is not this one's
      task.run();
    };
    List<Thread> lastThreads = ended;
    ended = null;
    if (worker != null) {
      worker.thread.lastScheduleThreads = lastThreads;
      if (worker.tasks.offer(withLoader, COME_BACK_MILLIS, TimeUnit.MILLISECONDS)) return;
    }
    // The last main thread is still busy with its schedule: nothing of that may be reused.
    close();
    worker = new Worker();
    worker.thread.start();
    worker.tasks.put(withLoader);
  }

  /**
   * The schedule just run on this main thread had {@code threads}: the next one may reuse what
   * they ran only once they are gone (see {@link #lastScheduleThreadsGone}). Workers of the JVM's
   * common pool released at the schedule's end run nothing of it, unless they are {@code busy}
   * (not seen idle where the pool waits for work); nor do adopted threads released idle.
   */
  void scheduleEnded(ManagedThread[] threads, List<Thread> busy) {
    if (worker == null) return;
    List<Thread> mustEnd = new ArrayList<>(threads.length);
    for (ManagedThread t : threads) {
      if (t.thread == worker.thread) continue;
      if (!PoolWorkers.releasedIdle(t) || busy.contains(t.thread)) mustEnd.add(t.thread);
    }
    ended = mustEnd;
  }

  /**
   * Whether every thread of the last schedule run on the calling main thread has ended, waiting
   * a little for those on their way out: then no code of that schedule runs any more, and what it
   * ran (its classes' static state) may be reset for the next. False when the caller is not a
   * main thread, or it ran no schedule before.
   *
   * <p>The caller is a managed thread of the next schedule: it polls, as {@code Thread.join} and
   * {@code LockSupport} are scheduling points where the JDK is rewritten.
   */
  static boolean lastScheduleThreadsGone() {
    if (!(Thread.currentThread() instanceof Carrier carrier)) return false;
    List<Thread> threads = carrier.lastScheduleThreads;
    carrier.lastScheduleThreads = null; // asked once per schedule
    if (threads == null) return false;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GONE_MILLIS);
    for (Thread t : threads) {
      while (t.isAlive()) {
        // Once one outlived the wait, the scenario leaves threads behind: wait no more.
        if (carrier.threadsLinger || System.nanoTime() - deadline > 0) {
          carrier.threadsLinger = true;
          return false;
        }
        Thread.yield();
      }
    }
    return true;
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.thread.interrupt();
      worker = null;
    }
  }

  /** The main thread, told the threads of the last schedule before it runs the next. */
  private static final class Carrier extends Thread {
    /** Written before the task is handed over (a happens-before edge), read by the task. */
    List<Thread> lastScheduleThreads;
    /** Whether a thread of an earlier schedule outlived the wait for it (read by the task). */
    boolean threadsLinger;

    Carrier(Runnable loop) {
      super(loop, "baton-main");
    }
  }

  private static final class Worker {
    final SynchronousQueue<Runnable> tasks = new SynchronousQueue<>();
    final Carrier thread = new Carrier(this::loop);

    Worker() {
      // Not a daemon, like a program's main thread: the threads it starts inherit that.
      thread.setDaemon(false);
    }

    private void loop() {
      try {
        while (true) tasks.take().run();
      } catch (InterruptedException e) {
        // the exploration is over
      }
    }
  }
}
