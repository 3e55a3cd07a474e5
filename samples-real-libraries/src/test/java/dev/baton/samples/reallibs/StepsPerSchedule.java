package dev.baton.samples.reallibs;

import dev.baton.ExplorationCoverage;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/**
 * Scheduling points per schedule of correct scenarios over real libraries, for docs/speed.md: run
 * it once as is and once with {@code -Dbaton.internal.unpublishedThis=false} (the rule that skips
 * a constructor's accesses to an object no other thread can see yet, off) or {@code
 * -Dbaton.internal.immutableFields=false} (the rule that skips reads of effectively immutable
 * fields, off) and compare. Not a test: it prints figures; the rules' tests are in the framework
 * module.
 *
 * <pre>java -XX:+EnableDynamicAgentLoading -cp ... dev.baton.samples.reallibs.StepsPerSchedule</pre>
 */
public final class StepsPerSchedule {
  private StepsPerSchedule() {}

  public static void main(String[] args) {
    measure("H2: two threads increment one row over one connection", 3,
        () -> H2Scenarios.twoThreadsIncrementOverOneConnection());
    measure("log4j 1.2: log a rendered account while depositing", 20,
        () -> Log4jScenarios.logRenderedAccountWhileDepositing());
    measure("commons-pool2: two threads borrow and return 20 times", 20,
        StepsPerSchedule::borrowAndReturn);
  }

  private static void measure(String name, int schedules, Scenario scenario) {
    long start = System.nanoTime();
    ExplorationCoverage coverage = Interleavings.configure().strategy(Strategy.RANDOM).seed(1)
        .schedules(schedules).explore(scenario).coverage();
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("%s | %d schedules | %,d steps per schedule | longest %,d | %,d ms%n",
        name, coverage.schedules(), coverage.steps() / coverage.schedules(),
        coverage.longestSchedule(), millis);
  }

  /** A correct use of a real pool: two threads borrow and return an object, 20 times each. */
  static void borrowAndReturn() throws InterruptedException {
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
