package dev.baton.benchmarks;

import dev.baton.Strategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Baton's benchmark table, one run, every figure from JVMs started by this one (so that Baton's
 * agent, Lincheck's agent and plain code never share a JVM):
 *
 * <ol>
 *   <li>schedules per second of each {@link Workloads.Workload} under Baton ({@link BatonRuns}),
 *       next to the same code run plainly, the bare-thread limit (the same thread starts and
 *       park/unpark hand-offs per schedule with no framework: {@link PlainRuns}) and Lincheck's
 *       model checker ({@link LincheckRuns});
 *   <li>Baton's rate and scheduling points per schedule on a real library ({@link
 *       RealLibraryRuns});
 *   <li>schedules and milliseconds to the first bug of each {@link Bugs.Bug} per strategy;
 *   <li>the whole-process time, JVM start included, to report a lost update, for Baton and Lincheck.
 * </ol>
 *
 * Not a test: {@code ./bench.sh [schedules] [seeds] [processes]}. Figures, never assertions.
 */
public final class BenchmarkSuite {
  private BenchmarkSuite() {}

  public static void main(String[] args) throws Exception {
    int schedules = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int processes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    System.out.println("# Baton benchmarks: " + machine());
    System.out.println();

    List<String> agentFlags = Runtime.version().feature() >= 21
        ? List.of("-XX:+EnableDynamicAgentLoading") : List.of();
    ChildJvm.Outcome baton = checked(ChildJvm.run(BatonRuns.class, agentFlags,
        String.valueOf(schedules), String.valueOf(seeds)));
    Map<String, String[]> batonThroughput = byName(baton.results("throughput"));
    List<String> specs = new ArrayList<>();
    for (Workloads.Workload w : Workloads.Workload.values()) {
      String[] r = batonThroughput.get(w.name());
      specs.add(w.name() + ":" + r[3] + ":" + r[4]);
    }
    List<String> plainArgs = new ArrayList<>(List.of(String.valueOf(schedules)));
    plainArgs.addAll(specs);
    Map<String, String[]> plain = byName(checked(ChildJvm.run(PlainRuns.class, List.of(),
        plainArgs.toArray(String[]::new))).results("plain"));
    Map<String, String[]> lincheck = byName(checked(ChildJvm.run(LincheckRuns.class, List.of(),
        String.valueOf(schedules))).results("lincheck"));

    System.out.println("## Schedules per second (" + schedules + " schedules after a warm-up;"
        + " Baton: RANDOM, fresh static state)");
    System.out.println();
    for (Workloads.Workload w : Workloads.Workload.values()) {
      if (w.runsDivisor > 1) {
        System.out.println("The row \"" + w.label + "\" ran " + w.runs(schedules)
            + " schedules (runs) per measurement: its schedules are far longer.");
        System.out.println();
      }
    }
    System.out.println("Threads and hand-offs per schedule as Baton counted them; the bare limit"
        + " runs that many thread starts and park/unpark hand-offs; Lincheck is the marginal rate"
        + " of runConcurrentTest after its first call.");
    System.out.println();
    System.out.println("| scenario | threads | hand-offs | Baton | plain runs | plain / Baton"
        + " | bare limit | Baton / bare | Lincheck | Baton / Lincheck |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (Workloads.Workload w : Workloads.Workload.values()) {
      String[] b = batonThroughput.get(w.name());
      String[] p = plain.get(w.name());
      String[] l = lincheck.get(w.name());
      double batonRate = Double.parseDouble(b[2]);
      double plainRate = Double.parseDouble(p[2]);
      double bareRate = Double.parseDouble(p[3]);
      boolean lincheckRan = l != null && !l[2].equals("error");
      double lincheckRate = lincheckRan ? Double.parseDouble(l[2]) : Double.NaN;
      System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %,.0f | %,.0f | %.1fx | %,.0f | %.0f%% | %s | %s |%n",
          w.label, b[3].replace(".000", ""), Double.parseDouble(b[4]), batonRate, plainRate,
          plainRate / batonRate, bareRate, 100 * batonRate / bareRate,
          lincheckRan ? String.format(Locale.ROOT, "%,.0f", lincheckRate)
              : "failed: " + (l == null ? "no result" : l[3]),
          lincheckRan ? String.format(Locale.ROOT, "%.1fx", batonRate / lincheckRate) : "-");
    }
    System.out.println();
    Map<String, String[]> parallel = byName(baton.results("parallel"));
    System.out.println("With baton.parallelism=0 (every core, "
        + parallel.values().iterator().next()[3].replace(".000", "") + " here): "
        + String.join(", ", java.util.Arrays.stream(Workloads.Workload.values())
            .map(w -> w.name() + " " + String.format(Locale.ROOT, "%,.0f schedules/s (%.1fx)",
                Double.parseDouble(parallel.get(w.name())[2]),
                Double.parseDouble(parallel.get(w.name())[2])
                    / Double.parseDouble(batonThroughput.get(w.name())[2])))
            .toList()));
    System.out.println();
    System.out.println("Lincheck's first runConcurrentTest of 50 invocations (its fixed cost): "
        + String.join(", ", lincheck.values().stream().filter(l -> !l[2].equals("error"))
            .map(l -> l[1] + " " + String.format(Locale.ROOT, "%.1f s", Double.parseDouble(l[3])))
            .toList()));
    System.out.println();
    printRealLibrary(agentFlags, schedules);

    System.out.println("## Schedules to the first bug (median of " + seeds + " seeds; EXHAUSTIVE"
        + " is deterministic) and milliseconds, exploration setup included");
    System.out.println();
    StringBuilder header = new StringBuilder("| bug |");
    StringBuilder rule = new StringBuilder("| --- |");
    for (Strategy s : Strategy.values()) {
      header.append(' ').append(s).append(" |");
      rule.append(" ---: |");
    }
    System.out.println(header);
    System.out.println(rule);
    Map<String, String[]> detect = byName(baton.results("detect"));
    for (Bugs.Bug bug : Bugs.Bug.values()) {
      StringBuilder row = new StringBuilder("| " + bug.label + " |");
      for (Strategy s : Strategy.values()) {
        String[] d = detect.get(bug.name() + "/" + s);
        double found = Double.parseDouble(d[2]);
        row.append(Double.isInfinite(found) ? " not found" : String.format(Locale.ROOT, " %.0f",
            found)).append(String.format(Locale.ROOT, " (%.0f ms) |", Double.parseDouble(d[3])));
      }
      System.out.println(row);
    }
    System.out.println();

    System.out.println("## Whole process to the first report of a lost update, JVM start included"
        + " (median of " + processes + " processes)");
    System.out.println();
    record Contender(String label, Class<?> main, List<String> flags) {}
    List<String> attachFlags = new ArrayList<>(agentFlags);
    attachFlags.add("-Djdk.attach.allowAttachSelf=true");
    List<Contender> contenders = List.of(
        new Contender("Baton (defaults: PORTFOLIO, 1000 schedules), plain `java`", FirstBugBaton.class,
            agentFlags),
        new Contender("Baton, with -Djdk.attach.allowAttachSelf=true (as Baton's own build)",
            FirstBugBaton.class, attachFlags),
        new Contender("Lincheck runConcurrentTest (defaults)", FirstBugLincheck.class, List.of()));
    System.out.println("| tool | seconds | outcome (last process) |");
    System.out.println("| --- | ---: | --- |");
    for (Contender c : contenders) {
      double[] seconds = new double[processes];
      String says = "";
      for (int i = 0; i < processes; i++) {
        ChildJvm.Outcome o = ChildJvm.run(c.main(), c.flags());
        seconds[i] = o.seconds();
        says = found(o);
      }
      System.out.printf(Locale.ROOT, "| %s | %.2f | %s |%n", c.label(), BatonRuns.median(seconds),
          says);
    }
  }

  private static String found(ChildJvm.Outcome outcome) {
    for (String line : outcome.lines()) {
      if (line.startsWith("found") || line.startsWith("not found")) return line;
    }
    return "exit " + outcome.exitCode() + ": " + String.join(" / ", outcome.lines());
  }

  /** Baton's rate on a real library's code ({@link RealLibraryRuns}), in a JVM of its own. */
  private static void printRealLibrary(List<String> agentFlags, int schedules) throws Exception {
    String[] r = checked(ChildJvm.run(RealLibraryRuns.class, agentFlags,
        String.valueOf(schedules))).results("reallib").get(0);
    System.out.println("## A real library (" + Math.max(20, schedules / 10) + " schedules,"
        + " RANDOM, fresh static state)");
    System.out.println();
    System.out.println("| scenario | threads | hand-offs | scheduling points | Baton |");
    System.out.println("| --- | ---: | ---: | ---: | ---: |");
    System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %,.0f | %,.1f |%n", r[1],
        r[3].replace(".000", ""), Double.parseDouble(r[4]), Double.parseDouble(r[5]),
        Double.parseDouble(r[2]));
    System.out.println();
  }

  private static ChildJvm.Outcome checked(ChildJvm.Outcome outcome) {
    if (outcome.exitCode() != 0) {
      throw new IllegalStateException("a benchmark JVM failed (exit " + outcome.exitCode() + "):\n"
          + String.join("\n", outcome.lines()));
    }
    return outcome;
  }

  private static Map<String, String[]> byName(List<String[]> results) {
    Map<String, String[]> map = new HashMap<>();
    for (String[] r : results) map.put(r[1], r);
    return map;
  }

  private static String machine() {
    String cpu = "unknown CPU";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (Exception e) {
      // not Linux: the core count and JDK still say a lot
    }
    return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
        + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor")
        + ")";
  }
}
