package dev.baton.benchmarks;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.instrument.BatonAgent;
import java.lang.management.ManagementFactory;

/**
 * Child JVM of {@link BenchmarkSuite}: a whole process that reports the lost update of {@link
 * Bugs#lostUpdate()} with Baton's defaults (PORTFOLIO, 1000 schedules), as a user's first run would.
 * Prints where the time went: JVM start to {@code main}, attaching Baton's agent, exploring.
 */
public final class FirstBugBaton {
  private FirstBugBaton() {}

  public static void main(String[] args) {
    long atMain = ManagementFactory.getRuntimeMXBean().getUptime();
    long start = System.nanoTime();
    BatonAgent.install(); // what the first exploration would do anyway; timed on its own
    long attached = System.nanoTime();
    try {
      Interleavings.explore(Bugs::lostUpdate);
      System.out.println("not found");
      System.exit(1);
    } catch (InterleavingFailure failure) {
      long found = System.nanoTime();
      System.out.printf("found in schedule %d (JVM start to main %d ms, agent %d ms,"
              + " exploration and report %d ms)%n", failure.schedule(), atMain,
          (attached - start) / 1_000_000, (found - attached) / 1_000_000);
      System.exit(0);
    }
  }
}
