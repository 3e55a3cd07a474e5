package dev.baton.jdbc;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A JDBC driver of the kind every real one is: found through {@code META-INF/services/java.sql.Driver}
 * (this test module's), registering itself with {@code DriverManager} from its static
 * initialiser, with static state of its own (the connections it made). Baton loads it, like the
 * scenarios that use it, afresh for each schedule.
 */
public class FakeDriver implements Driver {
  /** The URLs this driver accepts start with this. */
  public static final String PREFIX = "jdbc:baton-fake:";

  private static final AtomicInteger CONNECTIONS = new AtomicInteger();
  /**
   * How many instances this class made: {@code DriverManager} and Baton make some when they load
   * drivers; each increment is a scheduling point if it runs as one (it must not).
   */
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final String prefix;

  /** Public, as {@code ServiceLoader} needs. */
  public FakeDriver() {
    this(PREFIX);
  }

  /** A driver for the URLs that start with {@code prefix}. */
  protected FakeDriver(String prefix) {
    this.prefix = prefix;
    INSTANCES.incrementAndGet();
  }

  static {
    try {
      DriverManager.registerDriver(new FakeDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** How many connections this class (as its loader defined it) has made. */
  public static int connections() {
    return CONNECTIONS.get();
  }

  @Override
  public Connection connect(String url, Properties info) {
    if (!acceptsURL(url)) return null; // not ours: DriverManager asks the next driver
    CONNECTIONS.incrementAndGet();
    return (Connection) Proxy.newProxyInstance(
        FakeDriver.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getCatalog" -> url.substring(prefix.length());
          case "isClosed" -> false;
          case "close" -> null;
          case "toString" -> "FakeConnection(" + url + ")";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new SQLException(method.getName() + " is not faked");
        });
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(prefix);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("dev.baton.jdbc");
  }
}
