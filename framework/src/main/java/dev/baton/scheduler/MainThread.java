package dev.baton.scheduler;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The thread that runs each schedule's scenario, kept from one schedule to the next: starting a
 * thread costs about as much as a small schedule. If the last one is still busy (a schedule that
 * was aborted and is stuck), a fresh one takes over.
 */
final class MainThread implements AutoCloseable {
  private static final long COME_BACK_MILLIS = 1_000;

  private Worker worker;

  /** Runs {@code task} on the main thread with {@code contextLoader} as its context class loader. */
  void execute(Runnable task, ClassLoader contextLoader) throws InterruptedException {
    Runnable withLoader = () -> {
      Thread.currentThread().setContextClassLoader(contextLoader);
      Thread.interrupted(); // an interrupt left over from the last schedule is not this one's
      task.run();
    };
    if (worker != null && worker.tasks.offer(withLoader, COME_BACK_MILLIS, TimeUnit.MILLISECONDS)) {
      return;
    }
    close();
    worker = new Worker();
    worker.thread.start();
    worker.tasks.put(withLoader);
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.thread.interrupt();
      worker = null;
    }
  }

  private static final class Worker {
    final SynchronousQueue<Runnable> tasks = new SynchronousQueue<>();
    final Thread thread = new Thread(this::loop, "baton-main");

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
