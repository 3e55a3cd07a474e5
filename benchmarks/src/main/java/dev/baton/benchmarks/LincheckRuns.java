package dev.baton.benchmarks;

import org.jetbrains.lincheck.Lincheck;

/**
 * Child JVM of {@link BenchmarkSuite}: Lincheck's {@code runConcurrentTest} (model checking) on the
 * same {@link Workloads.Workload}s, in invocations (schedules) per second after a warm-up run that
 * pays its fixed cost. Arguments: invocations per measurement.
 */
public final class LincheckRuns {
  private LincheckRuns() {}

  public static void main(String[] args) {
    int invocations = Integer.parseInt(args[0]);
    for (Workloads.Workload w : Workloads.Workload.values()) {
      Runnable block = () -> {
        try {
          w.run();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      };
      try {
        long first = System.nanoTime();
        Lincheck.runConcurrentTest(Math.max(100, invocations / 4), block);
        double warmUp = (System.nanoTime() - first) / 1e9;
        long start = System.nanoTime();
        Lincheck.runConcurrentTest(invocations, block);
        double seconds = (System.nanoTime() - start) / 1e9;
        Result.print("lincheck", w.name(), invocations / seconds, warmUp);
      } catch (Throwable t) {
        Result.printError("lincheck", w.name(), t);
      }
    }
    System.exit(0); // Lincheck may leave non-daemon threads behind
  }
}
