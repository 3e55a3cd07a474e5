package dev.baton.samples.reallibs;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.pool.BasePoolableObjectFactory;
import org.apache.commons.pool.impl.GenericObjectPool;

/**
 * Commons Pool 1.x, POOL-189 (fixed in 1.5.7 and 1.6): a thread waiting in {@code borrowObject}
 * on an exhausted pool is not woken when the pool is closed, and waits forever. Whether it waits
 * depends on the order: a borrower that arrives after {@code close} is told "Pool not open" at
 * once, in every release.
 */
public final class CommonsPoolScenarios {
  private CommonsPoolScenarios() {}

  /**
   * A pool of one connection, held by the main thread; a second thread borrows (and waits, the
   * pool being exhausted, with no time limit) while the main thread closes the pool.
   *
   * @return what the borrower's {@code borrowObject} threw: in a release with the fix, always an
   *     {@link IllegalStateException}
   */
  public static Throwable closeWhileABorrowerWaits() throws Exception {
    GenericObjectPool pool = new GenericObjectPool(new ConnectionFactory(), 1,
        GenericObjectPool.WHEN_EXHAUSTED_BLOCK, -1);
    pool.borrowObject();
    AtomicReference<Throwable> seen = new AtomicReference<>();

    Thread borrower = new Thread(() -> {
      try {
        pool.borrowObject();
      } catch (Exception e) {
        seen.set(e);
      }
    }, "borrower");
    borrower.start();
    pool.close();
    borrower.join();
    return seen.get();
  }

  /**
   * POOL-184 (fixed in 1.5.6 and 1.6): a pool of one connection, idle, whose idle objects are
   * tested every millisecond by the pool's evictor, which runs on the {@code java.util.Timer}
   * the pool starts. A thread borrows and returns the connection twice. While the evictor tests
   * the idle connection it is neither idle nor free capacity, so a borrower arriving then waits;
   * 1.5.4's evictor puts the connection back without waking it.
   *
   * @return how many borrows the borrower made (2 when it is never left waiting)
   */
  public static int borrowWhileTheEvictorTestsTheIdleObject() throws Exception {
    GenericObjectPool pool = new GenericObjectPool(new ConnectionFactory(), 1,
        GenericObjectPool.WHEN_EXHAUSTED_BLOCK, -1);
    pool.setTestWhileIdle(true);
    pool.setMinEvictableIdleTimeMillis(60_000);
    pool.addObject();
    pool.setTimeBetweenEvictionRunsMillis(1);
    int[] borrows = new int[1];

    Thread borrower = new Thread(() -> {
      try {
        for (int i = 0; i < 2; i++) {
          pool.returnObject(pool.borrowObject());
          borrows[0]++;
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "borrower");
    borrower.start();
    borrower.join();
    pool.close();
    return borrows[0];
  }

  /** Makes the pooled objects: stand-ins for connections. */
  private static final class ConnectionFactory extends BasePoolableObjectFactory {
    private int made;

    @Override
    public Object makeObject() {
      return "connection-" + ++made;
    }
  }
}
