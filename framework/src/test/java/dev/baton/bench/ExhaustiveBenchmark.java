package dev.baton.bench;

import dev.baton.ExplorationResult;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import dev.baton.scenarios.ExhaustiveSearchScenarios;
import dev.baton.scenarios.Scenarios;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What partial-order reduction saves: {@link Strategy#EXHAUSTIVE} on correct scenarios, to the
 * end of the last round, with and without reduction; schedules run, wall-clock time and schedules
 * per second. Not a test: run it with {@code ./bench.sh ExhaustiveBenchmark 2} (the preemption
 * bound, default 2).
 */
public final class ExhaustiveBenchmark {
  private ExhaustiveBenchmark() {}

  public static void main(String[] args) {
    int bound = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    Map<String, Scenario> scenarios = new LinkedHashMap<>();
    scenarios.put("two workers, different fields", ExhaustiveSearchScenarios::twoWorkersDifferentFields);
    scenarios.put("two workers, locked increments", ExhaustiveSearchScenarios::lockedIncrements);
    scenarios.put("three threads, synchronized increments", Scenarios::synchronizedUpdate);
    scenarios.put("two threads, atomic increments", Scenarios::atomicUpdate);
    scenarios.put("wait/notify hand-off", Scenarios::guardedWait);
    System.out.printf("EXHAUSTIVE, at most %d preemptions, to the end of the search%n", bound);
    System.out.printf("%-40s %22s %22s%n", "scenario", "reduction: schedules", "none: schedules");
    for (Map.Entry<String, Scenario> e : scenarios.entrySet()) {
      explore(e.getValue(), bound, true); // warm-up
      String reduced = measure(e.getValue(), bound, true);
      String full = measure(e.getValue(), bound, false);
      System.out.printf("%-40s %22s %22s%n", e.getKey(), reduced, full);
    }
  }

  private static String measure(Scenario scenario, int bound, boolean reduction) {
    long start = System.nanoTime();
    ExplorationResult r = explore(scenario, bound, reduction);
    double seconds = (System.nanoTime() - start) / 1e9;
    return String.format("%,d%s in %.2f s", r.schedules(), r.complete() ? "" : "+", seconds);
  }

  private static ExplorationResult explore(Scenario scenario, int bound, boolean reduction) {
    return Interleavings.configure().strategy(Strategy.EXHAUSTIVE).schedules(200_000)
        .maxPreemptions(bound).reduction(reduction).freshStatics(false).explore(scenario);
  }
}
