package dev.baton.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/** Scenarios that ask JDBC's {@code DriverManager} for connections, as users' tests do. */
public final class JdbcScenarios {
  /** The URL every scenario connects to. */
  public static final String URL = FakeDriver.PREFIX + "orders";

  private JdbcScenarios() {}

  /**
   * Two threads each get a connection from {@code DriverManager}; then the driver that answers
   * must be this schedule's own (its class as this scenario's loader defined it), and it must have
   * made exactly those two connections (its static state is this schedule's).
   */
  public static void twoThreadsConnect() throws Exception {
    Runnable connect = () -> {
      try (Connection connection = DriverManager.getConnection(URL)) {
        if (!"orders".equals(connection.getCatalog())) throw new AssertionError(connection);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    };
    Thread first = new Thread(connect, "first");
    Thread second = new Thread(connect, "second");
    first.start();
    second.start();
    first.join();
    second.join();
    Driver driver = DriverManager.getDriver(URL);
    if (driver.getClass() != FakeDriver.class) {
      throw new AssertionError("the driver answering is " + driver.getClass() + " of "
          + driver.getClass().getClassLoader() + ", not this schedule's " + FakeDriver.class
          + " of " + FakeDriver.class.getClassLoader());
    }
    List<Driver> visible = Collections.list(DriverManager.getDrivers());
    if (visible.stream().filter(d -> d instanceof FakeDriver).count() != 1) {
      throw new AssertionError("this schedule sees " + visible);
    }
    if (FakeDriver.connections() != 2) {
      throw new AssertionError(FakeDriver.connections() + " connections made by this schedule's driver");
    }
  }

  /** One connection, from the driver of this scenario's loader. */
  public static void connectOnce() throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL)) {
      if (connection.getClass().getClassLoader() != FakeDriver.class.getClassLoader()) {
        throw new AssertionError("a connection of another loader's driver: " + connection);
      }
    }
  }

  /** One connection from the driver that {@code jdbc.drivers} names, of this scenario's loader. */
  public static void connectThroughADriverNamedByProperty() throws SQLException {
    try (Connection connection = DriverManager.getConnection(NamedByPropertyDriver.NAMED_PREFIX + "x")) {
      Driver driver = DriverManager.getDriver(NamedByPropertyDriver.NAMED_PREFIX + "x");
      if (driver.getClass() != NamedByPropertyDriver.class || !"x".equals(connection.getCatalog())) {
        throw new AssertionError(driver + " of " + driver.getClass().getClassLoader());
      }
    }
  }

  /** Connects while its class is initialised, as a test's {@code static} set-up may. */
  static final class ConnectedOnceLoaded {
    static final String CATALOG;

    static {
      try (Connection connection = DriverManager.getConnection(URL)) {
        CATALOG = connection.getCatalog();
      } catch (SQLException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private ConnectedOnceLoaded() {}
  }

  /** A class whose static initialiser connects, used by this schedule's code. */
  public static void connectFromAStaticInitialiser() {
    if (!"orders".equals(ConnectedOnceLoaded.CATALOG)) {
      throw new AssertionError(ConnectedOnceLoaded.CATALOG);
    }
    if (FakeDriver.connections() != 1) {
      throw new AssertionError(FakeDriver.connections() + " connections made by this schedule's driver");
    }
  }

  /**
   * A lost update on a counter that two threads bump after each got a connection: a bug Baton must
   * find, and replay from its token, with {@code DriverManager} in every schedule.
   */
  public static void lostUpdateAfterConnecting() throws Exception {
    int[] counter = new int[1];
    Runnable bump = () -> {
      try (Connection connection = DriverManager.getConnection(URL)) {
        int read = counter[0];
        counter[0] = read + 1;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    };
    Thread first = new Thread(bump, "first");
    Thread second = new Thread(bump, "second");
    first.start();
    second.start();
    first.join();
    second.join();
    if (counter[0] != 2) throw new AssertionError("lost update: counter is " + counter[0]);
  }
}
