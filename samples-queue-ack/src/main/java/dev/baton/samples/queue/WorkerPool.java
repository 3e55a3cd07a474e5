package dev.baton.samples.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed number of worker threads fed through an unbuffered hand-off: a {@link SynchronousQueue},
 * the Java counterpart of the unbuffered Go channel of incident 003. A job is handed over only
 * when a worker is free to take it at that moment; while every worker is busy, the pool is full
 * and {@link #handOff} waits, up to its deadline.
 */
public final class WorkerPool {
  private final SynchronousQueue<Runnable> jobs = new SynchronousQueue<>();
  private final List<Thread> workers = new ArrayList<>();

  /** Tells a worker to stop; compared by identity. */
  private final Runnable stop = () -> {};

  /** A pool of {@code size} workers named {@code name-1}, {@code name-2}, ...; not started yet. */
  public WorkerPool(String name, int size) {
    for (int i = 1; i <= size; i++) workers.add(new Thread(this::work, name + "-" + i));
  }

  /** Starts the workers. */
  public void start() {
    for (Thread worker : workers) worker.start();
  }

  /**
   * Hands {@code job} to a free worker, waiting at most {@code timeout} for one to become free.
   *
   * @return false when the deadline passed first: no worker took the job and none will
   */
  public boolean handOff(Runnable job, Duration timeout) throws InterruptedException {
    return jobs.offer(job, timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Lets every worker finish the job it has, then stops them and waits until they have ended. */
  public void shutdown() throws InterruptedException {
    for (int i = 0; i < workers.size(); i++) jobs.put(stop);
    for (Thread worker : workers) worker.join();
  }

  private void work() {
    try {
      while (true) {
        Runnable job = jobs.take();
        if (job == stop) return;
        job.run();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
