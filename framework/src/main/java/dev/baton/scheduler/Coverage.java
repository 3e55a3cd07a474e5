package dev.baton.scheduler;

import dev.baton.ExplorationCoverage;
import dev.baton.strategy.CoverageCounts;
import java.util.BitSet;

/**
 * Counts what the schedules of one exploration covered: distinct choice sequences, steps, threads
 * and scheduling points (sites). A few array passes per schedule, next to a schedule that starts
 * threads and hands the baton over with park/unpark.
 */
final class Coverage implements CoverageCounts {
  private final LongSet distinct = new LongSet();
  private final BitSet sites = new BitSet();
  private int schedules;
  private long steps;
  private int longest;
  private long switches;
  private int threads;
  /** Sum of a hash of (index, choices) over the schedules run: equal sums, equal schedule sets. */
  private long fingerprint;

  /** Adds schedule {@code index} (0-based), which {@code scheduler} has just run. */
  void add(int index, Scheduler scheduler) {
    schedules++;
    int s = scheduler.steps();
    steps += s;
    longest = Math.max(longest, s);
    threads = Math.max(threads, scheduler.threads().length);
    long hash = hash(scheduler.choices());
    distinct.add(hash);
    fingerprint += mix(hash + mix(index + 0x9E3779B97F4A7C15L));
    Trace trace = scheduler.trace; // counts every step, also those a long schedule did not keep
    sites.or(trace.sitesPassed);
    switches += trace.threadChanges;
  }

  /** Adds what {@code other} counted, schedules that ran beside these ({@link ParallelExplorer}). */
  void addAll(Coverage other) {
    schedules += other.schedules;
    steps += other.steps;
    longest = Math.max(longest, other.longest);
    switches += other.switches;
    threads = Math.max(threads, other.threads);
    fingerprint += other.fingerprint;
    sites.or(other.sites);
    distinct.addAll(other.distinct);
  }

  int schedules() {
    return schedules;
  }

  @Override
  public ExplorationCoverage result(int pctDepth, int pctRange) {
    boolean pct = pctDepth > 0 && schedules > 0;
    int k = pct ? Math.max(pctRange, longest) : 0;
    return new ExplorationCoverage(schedules, distinct.size(), steps, longest, switches, threads,
        sites.cardinality(), pct ? pctDepth : 0, k,
        pct ? ExplorationCoverage.pctMissBound(threads, k, pctDepth, schedules) : Double.NaN,
        fingerprint);
  }

  private static long hash(int[] choices) {
    long h = 0xCBF29CE484222325L ^ choices.length;
    for (int c : choices) h = (h ^ c) * 0x100000001B3L;
    return mix(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A set of longs without boxing: explorations may run millions of schedules. */
  static final class LongSet {
    private long[] slots = new long[64];
    private boolean hasZero;
    private int size;

    void add(long v) {
      if (v == 0) {
        if (!hasZero) size++;
        hasZero = true;
        return;
      }
      if ((size + 1) * 2 > slots.length) grow();
      if (insert(slots, v)) size++;
    }

    int size() {
      return size;
    }

    void addAll(LongSet other) {
      if (other.hasZero) add(0);
      for (long v : other.slots) if (v != 0) add(v);
    }

    private static boolean insert(long[] table, long v) {
      int mask = table.length - 1;
      for (int i = (int) (v ^ (v >>> 32)) & mask; ; i = (i + 1) & mask) {
        if (table[i] == 0) {
          table[i] = v;
          return true;
        }
        if (table[i] == v) return false;
      }
    }

    private void grow() {
      long[] bigger = new long[slots.length * 2];
      for (long v : slots) if (v != 0) insert(bigger, v);
      slots = bigger;
    }
  }
}
