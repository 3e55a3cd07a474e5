package dev.baton.samples.reallibs;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/** {@link CommonsPoolScenarios}' scenario on Commons Pool 2, the redesigned successor of 1.x. */
final class CommonsPool2Scenarios {
  private CommonsPool2Scenarios() {}

  /**
   * A pool of one connection, held by the main thread; a second thread borrows (and waits, with
   * no time limit) while the main thread closes the pool.
   *
   * @return what the borrower's {@code borrowObject} threw, or null if it returned
   */
  static Throwable closeWhileABorrowerWaits() throws Exception {
    GenericObjectPoolConfig<String> config = new GenericObjectPoolConfig<>();
    config.setMaxTotal(1);
    config.setBlockWhenExhausted(true);
    config.setMaxWait(Duration.ofMillis(-1));
    config.setJmxEnabled(false);
    GenericObjectPool<String> pool = new GenericObjectPool<>(new ConnectionFactory(), config);
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
  private static final class ConnectionFactory extends BasePooledObjectFactory<String> {
    private int made;

    @Override
    public String create() {
      return "connection-" + ++made;
    }

    @Override
    public PooledObject<String> wrap(String connection) {
      return new DefaultPooledObject<>(connection);
    }
  }
}
