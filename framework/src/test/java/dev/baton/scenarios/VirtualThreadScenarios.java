package dev.baton.scenarios;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Virtual threads (JDK 21 and later), reached by reflection so that the tests compile for Java 17.
 */
public final class VirtualThreadScenarios {
  private VirtualThreadScenarios() {}

  static final class Counter {
    int value;

    synchronized void incrementSafely() {
      value++;
    }
  }

  /** {@code Thread.ofVirtual().unstarted(task)}. */
  static Thread virtual(Runnable task) {
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      Method unstarted = Class.forName("java.lang.Thread$Builder").getMethod("unstarted", Runnable.class);
      return (Thread) unstarted.invoke(builder, task);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("virtual threads need JDK 21 or later", e);
    }
  }

  static ExecutorService virtualThreadPerTask() {
    try {
      return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("virtual threads need JDK 21 or later", e);
    }
  }

  public static void lostUpdate() throws InterruptedException {
    Counter c = new Counter();
    Thread a = virtual(() -> c.value++);
    Thread b = virtual(() -> c.value++);
    a.start();
    b.start();
    a.join();
    b.join();
    if (c.value != 2) throw new AssertionError("lost update: " + c.value);
  }

  public static void synchronizedIncrements() throws InterruptedException {
    Counter c = new Counter();
    Thread a = virtual(c::incrementSafely);
    Thread b = virtual(c::incrementSafely);
    a.start();
    b.start();
    Thread.sleep(10);
    a.join();
    b.join();
    if (c.value != 2) throw new AssertionError("lost update: " + c.value);
  }

  public static void executorLostUpdate() throws InterruptedException {
    Counter c = new Counter();
    ExecutorService pool = virtualThreadPerTask();
    pool.execute(() -> c.value++);
    pool.execute(() -> c.value++);
    pool.shutdown();
    if (!pool.awaitTermination(10, TimeUnit.SECONDS)) throw new AssertionError("not terminated");
    if (c.value != 2) throw new AssertionError("lost update: " + c.value);
  }

  public static void executorSafeIncrements() throws Exception {
    Counter c = new Counter();
    ExecutorService pool = virtualThreadPerTask();
    var first = pool.submit(c::incrementSafely);
    var second = pool.submit(c::incrementSafely);
    first.get(5, TimeUnit.SECONDS);
    second.get(5, TimeUnit.SECONDS);
    pool.shutdown();
    if (!pool.awaitTermination(10, TimeUnit.SECONDS)) throw new AssertionError("not terminated");
    if (c.value != 2) throw new AssertionError("lost update: " + c.value);
  }
}
