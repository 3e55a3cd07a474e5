package dev.baton.bench;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import dev.baton.scenarios.Scenarios;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many schedules each strategy needs to find each known bug, as a median over several seeds.
 * Not a test: run it with {@code ./bench.sh DetectionBenchmark 15} (15 seeds).
 */
public final class DetectionBenchmark {
  private DetectionBenchmark() {}

  public static void main(String[] args) {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    Map<String, Scenario> bugs = new LinkedHashMap<>();
    bugs.put("lost update", Scenarios::lostUpdate);
    bugs.put("check-then-act on a map", Scenarios::checkThenActOnConcurrentMap);
    bugs.put("synchronized lock order", Scenarios::synchronizedLockOrderDeadlock);
    bugs.put("ReentrantLock lock order", Scenarios::reentrantLockOrderDeadlock);
    bugs.put("lost wakeup", Scenarios::lostWakeup);
    bugs.put("lost update in a pool", Scenarios::executorLostUpdate);
    System.out.printf("%-26s", "median schedules to find");
    for (Strategy s : Strategy.values()) System.out.printf("%12s", s);
    System.out.println();
    for (Map.Entry<String, Scenario> bug : bugs.entrySet()) {
      System.out.printf("%-26s", bug.getKey());
      for (Strategy strategy : Strategy.values()) {
        int[] found = new int[seeds];
        for (int seed = 1; seed <= seeds; seed++) {
          found[seed - 1] = schedulesToFind(bug.getValue(), strategy, seed);
        }
        java.util.Arrays.sort(found);
        int median = found[seeds / 2];
        System.out.printf("%12s", median == Integer.MAX_VALUE ? "not found" : String.valueOf(median));
      }
      System.out.println();
    }
  }

  private static int schedulesToFind(Scenario bug, Strategy strategy, long seed) {
    try {
      Interleavings.configure().strategy(strategy).seed(seed).schedules(1000).explore(bug);
      return Integer.MAX_VALUE;
    } catch (InterleavingFailure f) {
      return f.schedule();
    }
  }
}
