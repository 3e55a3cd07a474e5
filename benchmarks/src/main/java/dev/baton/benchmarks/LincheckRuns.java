package dev.baton.benchmarks;

import org.jetbrains.lincheck.Lincheck;

/**
 * Child JVM of {@link BenchmarkSuite}: Lincheck's {@code runConcurrentTest} (model checking) on the
 * same {@link Workloads.Workload}s, in invocations (schedules) per second in the steady state:
 * after a first call that pays the fixed cost, the marginal rate between a small and a large call.
 * Arguments: the most invocations per measurement.
 */
public final class LincheckRuns {
  private static final int WARM_UP = 50;

  private LincheckRuns() {}

  private static double seconds(Runnable block, int invocations) {
    long start = System.nanoTime();
    Lincheck.runConcurrentTest(invocations, block);
    return (System.nanoTime() - start) / 1e9;
  }

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
        // The first call pays the fixed cost (the agent, transforming classes, warming up).
        long first = System.nanoTime();
        Lincheck.runConcurrentTest(WARM_UP, block);
        double warmUp = (System.nanoTime() - first) / 1e9;
        // Steady state: the marginal rate between a small and a large call, so that a cost per
        // call counts as fixed too. The large call is sized to take about ten seconds at most.
        double small = seconds(block, WARM_UP);
        double roughRate = WARM_UP / small;
        int large = (int) Math.max(4 * WARM_UP, Math.min(w.runs(invocations), roughRate * 10));
        double big = seconds(block, large);
        double rate = big > small ? (large - WARM_UP) / (big - small) : large / big;
        Result.print("lincheck", w.name(), rate, warmUp, large);
      } catch (Throwable t) {
        Result.printError("lincheck", w.name(), t);
      }
    }
    System.exit(0); // Lincheck may leave non-daemon threads behind
  }
}
