package dev.baton.benchmarks;

import org.jetbrains.lincheck.Lincheck;

/**
 * Child JVM of {@link BenchmarkSuite}: a whole process that reports the lost update of {@link
 * Bugs#lostUpdate()} with Lincheck's {@code runConcurrentTest} and its default invocations.
 */
public final class FirstBugLincheck {
  private FirstBugLincheck() {}

  public static void main(String[] args) {
    try {
      Lincheck.runConcurrentTest(() -> {
        try {
          Bugs.lostUpdate();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      System.out.println("not found");
      System.exit(1);
    } catch (Throwable failure) {
      System.out.println("found: " + failure.getClass().getSimpleName());
      System.exit(0);
    }
  }
}
