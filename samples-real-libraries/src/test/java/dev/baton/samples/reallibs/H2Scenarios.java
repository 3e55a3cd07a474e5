package dev.baton.samples.reallibs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An embedded H2 database (in memory) whose one connection two threads use at once, each
 * incrementing the same row. H2 serialises the statements of a session, so both increments land.
 *
 * <p>The connection comes from H2's {@link JdbcDataSource}, or from JDBC's {@code DriverManager}
 * as most users' tests get one. {@code DriverManager} is the JDK's, shared by every schedule,
 * while each schedule has H2's classes (its driver among them) defined afresh: Baton registers
 * each schedule's own {@code org.h2.Driver} before the scenario asks, so a named in-memory
 * database is that schedule's own too.
 */
final class H2Scenarios {
  private H2Scenarios() {}

  /** @return the row's value after both threads' increments */
  static int twoThreadsIncrementOverOneConnection() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:");
    try (Connection connection = dataSource.getConnection()) {
      return twoThreadsIncrement(connection);
    }
  }

  /**
   * The same over a connection that {@code DriverManager} makes for {@code url}.
   *
   * @return the row's value after both threads' increments
   */
  static int twoThreadsIncrementOverADriverManagerConnection(String url) throws Exception {
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      return twoThreadsIncrement(connection);
    }
  }

  private static int twoThreadsIncrement(Connection connection) throws Exception {
    execute(connection, "create table counter(id int primary key, v int)");
    execute(connection, "insert into counter values (1, 0)");
    Runnable increment = () -> execute(connection, "update counter set v = v + 1 where id = 1");
    Thread first = new Thread(increment, "first");
    Thread second = new Thread(increment, "second");
    first.start();
    second.start();
    first.join();
    second.join();
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select v from counter where id = 1")) {
      row.next();
      return row.getInt(1);
    }
  }

  private static void execute(Connection connection, String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
