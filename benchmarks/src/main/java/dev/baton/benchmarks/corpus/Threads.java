package dev.baton.benchmarks.corpus;

import java.util.ArrayList;
import java.util.List;

/** Small helpers the corpus programs share: start threads, join them, check a result. */
final class Threads {
  private Threads() {}

  /** Starts {@code task} in a new thread. */
  static Thread start(Runnable task) {
    Thread t = new Thread(task);
    t.start();
    return t;
  }

  /** Starts {@code count} threads that run {@code task} and joins them all. */
  static void runAll(int count, Runnable task) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < count; i++) threads.add(start(task));
    joinAll(threads);
  }

  static void joinAll(List<Thread> threads) throws InterruptedException {
    for (Thread t : threads) t.join();
  }

  /** The program's own assertion: an {@link AssertionError} whatever {@code -ea} says. */
  static void check(boolean condition, String message) {
    if (!condition) throw new AssertionError(message);
  }

  /** Waits for a monitor's condition in a thread that may not throw checked exceptions. */
  static void await(Object monitor) {
    try {
      monitor.wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
