package dev.baton.bench;

import dev.baton.ExplorationResult;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.scenarios.Scenarios;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Schedules per second for a few scenarios, each measured after a warm-up, side by side in one run
 * (the machines are shared and noisy: compare ratios, not absolute numbers). Not a test: run it with
 * {@code ./bench.sh ThroughputBenchmark 2000} (2000 schedules per measurement).
 */
public final class ThroughputBenchmark {
  private ThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    int schedules = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Map<String, Scenario> scenarios = new LinkedHashMap<>();
    scenarios.put("three threads, synchronized increments", Scenarios::synchronizedUpdate);
    scenarios.put("two threads, atomic increments", Scenarios::atomicUpdate);
    scenarios.put("wait/notify hand-off", Scenarios::guardedWait);
    scenarios.put("bounded queue producer/consumer", Scenarios::blockingQueues);
    System.out.printf("%-40s %14s %15s %14s%n",
        "scenario", "schedules/s", "shared statics", "plain runs/s");
    for (Map.Entry<String, Scenario> e : scenarios.entrySet()) {
      System.out.printf("%-40s %14.0f %15.0f %14.0f%n", e.getKey(),
          schedulesPerSecond(e.getValue(), schedules, true),
          schedulesPerSecond(e.getValue(), schedules, false),
          plainRunsPerSecond(e.getValue(), schedules));
    }
  }

  /** Default settings, with fresh static state per schedule or shared classes. */
  private static double schedulesPerSecond(Scenario scenario, int schedules, boolean freshStatics) {
    Interleavings.configure().schedules(schedules / 4).seed(1).freshStatics(freshStatics)
        .explore(scenario);
    long start = System.nanoTime();
    ExplorationResult r = Interleavings.configure().schedules(schedules).seed(1)
        .freshStatics(freshStatics).explore(scenario);
    return r.schedules() / ((System.nanoTime() - start) / 1e9);
  }

  /** The same scenario without Baton (uninstrumented, real threads), for the ratio. */
  private static double plainRunsPerSecond(Scenario scenario, int runs) throws Exception {
    for (int i = 0; i < runs / 4; i++) scenario.run();
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) scenario.run();
    return runs / ((System.nanoTime() - start) / 1e9);
  }
}
