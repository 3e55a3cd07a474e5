package dev.baton.benchmarks;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;

/**
 * Child JVM of {@link BenchmarkSuite}: a whole process that reports the lost update of {@link
 * Bugs#lostUpdate()} with Baton's defaults (RANDOM, 1000 schedules), as a user's first run would.
 */
public final class FirstBugBaton {
  private FirstBugBaton() {}

  public static void main(String[] args) {
    try {
      Interleavings.explore(Bugs::lostUpdate);
      System.out.println("not found");
      System.exit(1);
    } catch (InterleavingFailure failure) {
      System.out.println("found in schedule " + failure.schedule());
      System.exit(0);
    }
  }
}
