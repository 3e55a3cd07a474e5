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

  /** Makes the pooled objects: stand-ins for connections. */
  private static final class ConnectionFactory extends BasePoolableObjectFactory {
    private int made;

    @Override
    public Object makeObject() {
      return "connection-" + ++made;
    }
  }
}
