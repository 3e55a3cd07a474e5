package dev.baton.scenarios;

import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/**
 * Programs from the second review: bugs inside code the JDK calls back (must be found), and
 * correct programs around JDK calls, huge timeouts and constructors (must pass).
 */
public final class CallbackScenarios {
  private CallbackScenarios() {}

  static void runAll(Runnable... tasks) throws InterruptedException {
    Thread[] threads = new Thread[tasks.length];
    for (int i = 0; i < tasks.length; i++) threads[i] = new Thread(tasks[i]);
    for (Thread t : threads) t.start();
    for (Thread t : threads) t.join();
  }

  static final class Box { int n; }

  /** Lost update inside a lambda passed to List.forEach: a real bug. */
  public static void lostUpdateInForEach() throws InterruptedException {
    Box b = new Box();
    List<Integer> one = List.of(1);
    Runnable r = () -> one.forEach(i -> { int v = b.n; b.n = v + 1; });
    runAll(r, r);
    if (b.n != 2) throw new AssertionError("lost update: " + b.n);
  }

  /** Lost update inside a user Callable called through the Callable interface. */
  public static void lostUpdateInCallable() throws Exception {
    Box b = new Box();
    Callable<Integer> c = () -> { int v = b.n; b.n = v + 1; return v; };
    Runnable r = () -> { try { c.call(); } catch (Exception e) { throw new RuntimeException(e); } };
    runAll(r, r);
    if (b.n != 2) throw new AssertionError("lost update: " + b.n);
  }

  /** A user collection that is not thread-safe, called through the Collection interface. */
  static final class MyStack extends AbstractCollection<Integer> {
    int size;
    @Override public boolean add(Integer x) { int s = size; size = s + 1; return true; }
    @Override public int size() { return size; }
    @Override public Iterator<Integer> iterator() { return Collections.emptyIterator(); }
  }

  public static void lostUpdateInUserCollection() throws InterruptedException {
    Collection<Integer> c = new MyStack();
    Runnable r = () -> c.add(1);
    runAll(r, r);
    if (c.size() != 2) throw new AssertionError("lost update: " + c.size());
  }

  /** A thread sleeping "forever" must stay asleep until interrupted. */
  public static void sleepForeverUntilInterrupted() throws InterruptedException {
    Box b = new Box();
    Thread t = new Thread(() -> {
      try { Thread.sleep(Long.MAX_VALUE); b.n = 1; } catch (InterruptedException e) { b.n = 2; }
    });
    t.start();
    Thread.sleep(10);
    t.interrupt();
    t.join();
    if (b.n != 2) throw new AssertionError("sleep(Long.MAX_VALUE) returned early: " + b.n);
  }

  /** Awaiting a latch with a practically infinite timeout, counted down later. */
  public static void latchAwaitHugeTimeout() throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(1);
    Box b = new Box();
    Thread t = new Thread(() -> {
      for (int i = 0; i < 50; i++) b.n++;
      latch.countDown();
    });
    t.start();
    boolean ok = latch.await(Long.MAX_VALUE, TimeUnit.DAYS);
    if (!ok) throw new AssertionError("timed out");
    t.join();
  }

  static volatile boolean flag;
  /** Spin-wait inside a forEach callback for another thread: correct. */
  public static void spinInsideForEach() throws InterruptedException {
    flag = false;
    Thread t = new Thread(() -> flag = true);
    t.start();
    List.of(1).forEach(i -> { while (!flag) Thread.onSpinWait(); });
    t.join();
  }

  static final class Registered {
    final Integer v;
    Registered(Map<String, Integer> table, Box b) {
      v = table.computeIfAbsent("k", k -> b.n + 1);
    }
  }
  /** Two threads construct objects whose constructor memoizes into a Hashtable: correct. */
  public static void computeIfAbsentInConstructor() throws InterruptedException {
    Map<String, Integer> table = new Hashtable<>();
    Box b = new Box();
    Runnable r = () -> new Registered(table, b);
    runAll(r, r);
    if (table.get("k") != 1) throw new AssertionError(table);
  }
}
