package dev.baton.jdbc;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A driver no {@code META-INF/services} file names: {@code DriverManager} loads it only when the
 * system property {@code jdbc.drivers} names it.
 */
public final class NamedByPropertyDriver extends FakeDriver {
  /** The URLs this driver accepts start with this. */
  public static final String NAMED_PREFIX = "jdbc:baton-named:";

  static {
    try {
      DriverManager.registerDriver(new NamedByPropertyDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private NamedByPropertyDriver() {
    super(NAMED_PREFIX);
  }
}
