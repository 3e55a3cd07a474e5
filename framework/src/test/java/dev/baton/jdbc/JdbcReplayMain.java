package dev.baton.jdbc;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;

/**
 * Replays the token given as the only argument of {@link JdbcScenarios#lostUpdateAfterConnecting}
 * in a JVM of its own, where that replay is the first code to use JDBC's {@code DriverManager}
 * (so the JDK loads its drivers during it), and prints the trace between {@code TRACE>>>} and
 * {@code <<<TRACE}.
 */
public final class JdbcReplayMain {
  private JdbcReplayMain() {}

  public static void main(String[] args) {
    try {
      Interleavings.configure().replay(args[0]).explore(JdbcScenarios::lostUpdateAfterConnecting);
      System.out.println("REPLAYED passed");
    } catch (InterleavingFailure failure) {
      System.out.println("TRACE>>>" + failure.trace() + "<<<TRACE");
    }
  }
}
