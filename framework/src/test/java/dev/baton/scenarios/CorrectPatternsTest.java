package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Interleavings;
import dev.baton.Scenario;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.concurrent.locks.*;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Correct programs in the shapes users write them (queues with a poison pill, start gates,
 * executors, futures, parallel streams, read-write caches, double-checked locking ...): no
 * strategy may ever report one of them.
 */
class CorrectPatternsTest {

  static void producerConsumer() throws Exception {
    BlockingQueue<Integer> q = new LinkedBlockingQueue<>(2);
    AtomicInteger sum = new AtomicInteger();
    Thread c = new Thread(() -> { try { for (int v; (v = q.take()) != -1; ) sum.addAndGet(v); } catch (InterruptedException e) { } });
    c.start();
    for (int i = 1; i <= 3; i++) q.put(i);
    q.put(-1);
    c.join();
    if (sum.get() != 6) throw new AssertionError("sum " + sum.get());
  }

  static void startGate() throws Exception {
    CountDownLatch start = new CountDownLatch(1), done = new CountDownLatch(3);
    AtomicInteger n = new AtomicInteger();
    for (int i = 0; i < 3; i++) new Thread(() -> { try { start.await(); n.incrementAndGet(); done.countDown(); } catch (InterruptedException e) { } }).start();
    start.countDown();
    if (!done.await(1, TimeUnit.SECONDS)) throw new AssertionError("timeout");
    if (n.get() != 3) throw new AssertionError("n " + n.get());
  }

  static void invokeAll() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Callable<Integer>> tasks = List.of(() -> 1, () -> 2, () -> 3);
    int sum = 0;
    for (Future<Integer> f : pool.invokeAll(tasks)) sum += f.get(5, TimeUnit.SECONDS);
    pool.shutdown();
    if (!pool.awaitTermination(5, TimeUnit.SECONDS)) throw new AssertionError("term");
    if (sum != 6) throw new AssertionError("sum");
  }

  static void completableChain() {
    int r = CompletableFuture.supplyAsync(() -> 20).thenApply(x -> x + 1).thenCombine(CompletableFuture.supplyAsync(() -> 21), Integer::sum).join();
    if (r != 42) throw new AssertionError("r " + r);
  }

  static void parallelAtomic() {
    AtomicInteger a = new AtomicInteger();
    IntStream.range(0, 10).parallel().forEach(i -> a.incrementAndGet());
    if (a.get() != 10) throw new AssertionError("a " + a.get());
  }

  static void chmMerge() throws Exception {
    ConcurrentHashMap<String, Integer> m = new ConcurrentHashMap<>();
    Runnable r = () -> { m.merge("k", 1, Integer::sum); m.merge("j", 1, Integer::sum); };
    Thread a = new Thread(r), b = new Thread(r), c = new Thread(r);
    a.start(); b.start(); c.start(); a.join(); b.join(); c.join();
    if (m.get("k") != 3 || m.get("j") != 3) throw new AssertionError(m.toString());
  }

  static void rwCache() throws Exception {
    ReadWriteLock l = new ReentrantReadWriteLock();
    Map<String, String> cache = new HashMap<>();
    Runnable r = () -> {
      l.readLock().lock();
      String v;
      try { v = cache.get("k"); } finally { l.readLock().unlock(); }
      if (v == null) { l.writeLock().lock(); try { cache.putIfAbsent("k", "v"); } finally { l.writeLock().unlock(); } }
    };
    Thread a = new Thread(r), b = new Thread(r); a.start(); b.start(); a.join(); b.join();
    if (!"v".equals(cache.get("k"))) throw new AssertionError("cache");
  }

  static void semaphorePool() throws Exception {
    Semaphore s = new Semaphore(2);
    AtomicInteger inside = new AtomicInteger(), max = new AtomicInteger();
    Runnable r = () -> { try { s.acquire(); try { int n = inside.incrementAndGet(); max.accumulateAndGet(n, Math::max); inside.decrementAndGet(); } finally { s.release(); } } catch (InterruptedException e) { } };
    Thread[] ts = new Thread[4];
    for (int i = 0; i < 4; i++) (ts[i] = new Thread(r)).start();
    for (Thread t : ts) t.join();
    if (max.get() > 2) throw new AssertionError("max " + max.get());
  }

  static void waitNotifyQueue() throws Exception {
    Object lock = new Object();
    Deque<Integer> q = new ArrayDeque<>();
    Thread c = new Thread(() -> { synchronized (lock) { while (q.isEmpty()) { try { lock.wait(); } catch (InterruptedException e) { return; } } q.poll(); } });
    c.start();
    synchronized (lock) { q.add(1); lock.notifyAll(); }
    c.join();
  }

  static void scheduledTick() throws Exception {
    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor();
    CountDownLatch l = new CountDownLatch(3);
    ScheduledFuture<?> f = s.scheduleAtFixedRate(l::countDown, 0, 10, TimeUnit.MILLISECONDS);
    if (!l.await(5, TimeUnit.SECONDS)) throw new AssertionError("no ticks");
    f.cancel(false);
    s.shutdown();
    if (!s.awaitTermination(5, TimeUnit.SECONDS)) throw new AssertionError("term");
  }

  static void doubleCheckedVolatile() throws Exception {
    final class Holder { volatile Object instance; Object get() { Object i = instance; if (i == null) { synchronized (this) { i = instance; if (i == null) instance = i = new Object(); } } return i; } }
    Holder h = new Holder();
    Object[] got = new Object[2];
    Thread a = new Thread(() -> got[0] = h.get()), b = new Thread(() -> got[1] = h.get());
    a.start(); b.start(); a.join(); b.join();
    if (got[0] != got[1]) throw new AssertionError("two instances");
  }

  static List<Scenario> scenarios() {
    return List.of(CorrectPatternsTest::producerConsumer, CorrectPatternsTest::startGate,
        CorrectPatternsTest::invokeAll, CorrectPatternsTest::completableChain,
        CorrectPatternsTest::parallelAtomic, CorrectPatternsTest::chmMerge,
        CorrectPatternsTest::rwCache, CorrectPatternsTest::semaphorePool,
        CorrectPatternsTest::waitNotifyQueue, CorrectPatternsTest::scheduledTick,
        CorrectPatternsTest::doubleCheckedVolatile);
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void passesEveryStrategy(Scenario scenario) {
    for (dev.baton.Strategy strategy : dev.baton.Strategy.values()) {
      int budget = 300;
      assertThat(Interleavings.configure().strategy(strategy).schedules(budget).explore(scenario)
          .schedules()).as("%s", strategy).isBetween(1, budget);
    }
  }
}
