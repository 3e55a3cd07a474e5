package dev.baton.benchmarks;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import java.util.Arrays;

/**
 * Child JVM of {@link BenchmarkSuite}: Baton's schedules per second on every {@link
 * Workloads.Workload}, and schedules and time to the first bug of every {@link Bugs.Bug} per
 * strategy. Prints one {@code RESULT|...} line per figure.
 *
 * <p>Arguments: schedules per throughput measurement, seeds per detection cell.
 */
public final class BatonRuns {
  private BatonRuns() {}

  public static void main(String[] args) throws Exception {
    int schedules = Integer.parseInt(args[0]);
    int seeds = Integer.parseInt(args[1]);
    for (Workloads.Workload w : Workloads.Workload.values()) {
      Scenario scenario = w.scenario;
      int runs = w.runs(schedules);
      Interleavings.configure().schedules(Math.max(20, runs / 4)).seed(1).explore(scenario);
      long start = System.nanoTime();
      ExplorationResult r = Interleavings.configure().schedules(runs).seed(1).explore(scenario);
      double seconds = (System.nanoTime() - start) / 1e9;
      Result.print("throughput", w.name(), r.schedules() / seconds, r.coverage().threads(),
          (double) r.coverage().switches() / r.schedules(),
          (double) r.coverage().steps() / r.schedules());
    }
    // baton.parallelism: the same schedules on every core (the same results, so only speed differs).
    int cores = Runtime.getRuntime().availableProcessors();
    for (Workloads.Workload w : Workloads.Workload.values()) {
      int runs = w.runs(schedules);
      Interleavings.configure().schedules(Math.max(20, runs / 4)).seed(1).parallelism(0)
          .explore(w.scenario);
      long start = System.nanoTime();
      ExplorationResult r = Interleavings.configure().schedules(runs).seed(1).parallelism(0)
          .explore(w.scenario);
      Result.print("parallel", w.name(), r.schedules() / ((System.nanoTime() - start) / 1e9), cores);
    }
    for (Bugs.Bug bug : Bugs.Bug.values()) {
      for (Strategy strategy : Strategy.values()) {
        int runs = strategy == Strategy.EXHAUSTIVE ? 1 : seeds; // EXHAUSTIVE ignores the seed
        double[] found = new double[runs];
        double[] millis = new double[runs];
        for (int seed = 1; seed <= runs; seed++) {
          long start = System.nanoTime();
          try {
            Interleavings.configure().strategy(strategy).seed(seed).schedules(10_000)
                .explore(bug.scenario);
            found[seed - 1] = Double.POSITIVE_INFINITY; // not found within the budget
          } catch (InterleavingFailure failure) {
            found[seed - 1] = failure.schedule();
          }
          millis[seed - 1] = (System.nanoTime() - start) / 1e6;
        }
        Result.print("detect", bug.name() + "/" + strategy, median(found), median(millis));
      }
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
