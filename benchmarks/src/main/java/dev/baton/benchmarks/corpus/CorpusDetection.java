package dev.baton.benchmarks.corpus;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The detection table of the {@link Corpus}: per program and per strategy, the schedules and the
 * wall time to the first failure within a budget (default 1000 schedules, Baton's default), or
 * "not found". One fixed seed per row, so the table is reproducible. Not a test: run by {@code
 * ./bench.sh detect [schedules] [seed] [cell-seconds] [PROGRAM...]}, in a JVM of its own; a cell
 * stops after {@code cell-seconds} of wall time (default 20) and says how far it got.
 */
public final class CorpusDetection {
  /** Wall-clock limit per cell, so that a program whose schedules are slow cannot stall the table. */
  private static final int DEFAULT_CELL_SECONDS = 20;

  private CorpusDetection() {}

  /** A column of the table: a strategy and, for PCT, its depth. */
  record Column(String label, Strategy strategy, int pctDepth) {}

  static final List<Column> COLUMNS = List.of(
      new Column("RANDOM", Strategy.RANDOM, 3),
      new Column("PCT d=2", Strategy.PCT, 2),
      new Column("PCT d=3", Strategy.PCT, 3),
      new Column("POS", Strategy.POS, 3),
      new Column("PORTFOLIO", Strategy.PORTFOLIO, 3));

  /** The outcome of one cell: the failing schedule (1-based) or 0, and the milliseconds spent. */
  record Cell(int schedule, int explored, double millis) {
    String render(int budget) {
      String time = String.format(Locale.ROOT, "%.1f s", millis / 1000);
      if (schedule > 0) return schedule + " (" + time + ")";
      return explored < budget
          ? "not found in " + explored + " (time limit, " + time + ")"
          : "not found (" + time + ")";
    }
  }

  public static void main(String[] args) {
    int budget = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    int first = 2;
    Duration cellLimit = Duration.ofSeconds(DEFAULT_CELL_SECONDS);
    if (args.length > 2 && args[2].matches("\\d+")) {
      cellLimit = Duration.ofSeconds(Integer.parseInt(args[2]));
      first = 3;
    }
    List<Corpus> programs = new ArrayList<>();
    for (int i = first; i < args.length; i++) programs.add(program(args[i]));
    if (programs.isEmpty()) programs.addAll(List.of(Corpus.values()));

    System.out.println("## Schedules (and wall time) to the first failure, budget " + budget
        + " schedules, seed " + seed + " in every row, at most " + cellLimit.toSeconds()
        + " s per cell");
    System.out.println();
    StringBuilder header = new StringBuilder("| program |");
    StringBuilder rule = new StringBuilder("| --- |");
    for (Column c : COLUMNS) {
      header.append(' ').append(c.label()).append(" |");
      rule.append(" ---: |");
    }
    System.out.println(header);
    System.out.println(rule);
    int[] found = new int[COLUMNS.size()];
    for (Corpus program : programs) {
      StringBuilder row = new StringBuilder("| " + program.label + " |");
      for (int c = 0; c < COLUMNS.size(); c++) {
        Cell cell = run(program, COLUMNS.get(c), budget, seed, cellLimit);
        if (cell.schedule() > 0 && cell.millis() <= 10_000) found[c]++;
        row.append(' ').append(cell.render(budget)).append(" |");
      }
      System.out.println(row);
      System.out.flush();
    }
    StringBuilder total = new StringBuilder("| found within 10 s, of " + programs.size() + " |");
    for (int f : found) total.append(' ').append(f).append(" |");
    System.out.println(total);
    System.exit(0); // a buggy program may leave a thread of its own behind
  }

  private static Corpus program(String name) {
    try {
      return Corpus.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("no corpus program " + name + "; the programs are "
          + List.of(Corpus.values()), e);
    }
  }

  static Cell run(Corpus program, Column column, int budget, long seed, Duration cellLimit) {
    long start = System.nanoTime();
    try {
      ExplorationResult r = Interleavings.configure().strategy(column.strategy())
          .pctDepth(column.pctDepth()).seed(seed).schedules(budget).timeBudget(cellLimit)
          .explore(program.bug);
      return new Cell(0, r.schedules(), (System.nanoTime() - start) / 1e6);
    } catch (InterleavingFailure failure) {
      return new Cell(failure.schedule(), failure.schedule(), (System.nanoTime() - start) / 1e6);
    }
  }
}
