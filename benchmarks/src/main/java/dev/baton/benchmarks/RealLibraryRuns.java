package dev.baton.benchmarks;

import dev.baton.ExplorationResult;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/**
 * Child JVM of {@link BenchmarkSuite}: Baton on a real library's code, a correct use of an Apache
 * Commons Pool 2 object pool from two threads, whose schedules run thousands of scheduling points
 * each inside the library. Prints one {@code RESULT|reallib|...} line: schedules per second,
 * threads, hand-offs and scheduling points per schedule.
 *
 * <p>Arguments: schedules per measurement (a tenth of them run, at least 20: the schedules are
 * long).
 */
public final class RealLibraryRuns {
  static final String POOL = "commons-pool2 2.12.0: 2 threads x 20 borrow/return";

  private RealLibraryRuns() {}

  public static void main(String[] args) throws Exception {
    int runs = Math.max(20, Integer.parseInt(args[0]) / 10);
    Scenario scenario = RealLibraryRuns::borrowAndReturn;
    Interleavings.configure().strategy(Strategy.RANDOM).schedules(Math.max(5, runs / 4)).seed(1)
        .explore(scenario);
    long start = System.nanoTime();
    ExplorationResult r = Interleavings.configure().strategy(Strategy.RANDOM).schedules(runs)
        .seed(1).explore(scenario);
    double seconds = (System.nanoTime() - start) / 1e9;
    Result.print("reallib", POOL, r.schedules() / seconds, r.coverage().threads(),
        (double) r.coverage().switches() / r.schedules(),
        (double) r.coverage().steps() / r.schedules());
  }

  /** Two threads borrow an object from a pool of two, use it and return it, 20 times each. */
  public static void borrowAndReturn() throws Exception {
    GenericObjectPoolConfig<StringBuilder> config = new GenericObjectPoolConfig<>();
    config.setMaxTotal(2);
    config.setJmxEnabled(false);
    GenericObjectPool<StringBuilder> pool = new GenericObjectPool<>(new Builders(), config);
    Runnable user = () -> {
      for (int i = 0; i < 20; i++) {
        try {
          StringBuilder b = pool.borrowObject();
          b.append(i);
          pool.returnObject(b);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };
    Thread first = new Thread(user);
    Thread second = new Thread(user);
    first.start();
    second.start();
    first.join();
    second.join();
    Workloads.check(pool.getDestroyedCount() == 0 && pool.getCreatedCount() <= 2,
        "the pool made more than two objects");
    pool.close();
  }

  /** Makes the pooled objects. */
  static final class Builders extends BasePooledObjectFactory<StringBuilder> {
    @Override
    public StringBuilder create() {
      return new StringBuilder();
    }

    @Override
    public PooledObject<StringBuilder> wrap(StringBuilder value) {
      return new DefaultPooledObject<>(value);
    }
  }
}
