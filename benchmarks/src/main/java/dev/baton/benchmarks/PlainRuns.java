package dev.baton.benchmarks;

import java.util.concurrent.locks.LockSupport;

/**
 * Child JVM of {@link BenchmarkSuite}, without Baton or any agent: every {@link
 * Workloads.Workload} run plainly (real threads, no instrumentation), and the bare-thread limit of
 * a schedule: the same number of thread starts and park/unpark hand-offs, with no framework.
 *
 * <p>Arguments: runs per measurement, then for each workload {@code NAME:threads:handoffs}
 * (threads including the main one, hand-offs per schedule, both as Baton measured them).
 */
public final class PlainRuns {
  private PlainRuns() {}

  public static void main(String[] args) throws Exception {
    for (int a = 1; a < args.length; a++) {
      String[] spec = args[a].split(":");
      Workloads.Workload w = Workloads.Workload.valueOf(spec[0]);
      int runs = w.runs(Integer.parseInt(args[0]));
      int threads = (int) Math.round(Double.parseDouble(spec[1]));
      int handoffs = (int) Math.round(Double.parseDouble(spec[2]));
      double plain = rate(runs, w::run);
      double bare = rate(runs, () -> new Handoffs(threads, handoffs).run());
      Result.print("plain", w.name(), plain, bare);
    }
  }

  /** Runs of {@code body} per second, after a quarter as many to warm up. */
  private static double rate(int runs, Run body) throws Exception {
    for (int i = 0; i < runs / 4; i++) body.run();
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) body.run();
    return runs / ((System.nanoTime() - start) / 1e9);
  }

  private interface Run {
    void run() throws Exception;
  }

  /**
   * One bare schedule: the main thread starts {@code threads - 1} threads, then a token passes
   * round robin between all of them {@code handoffs} times, each hand-off an unpark of the next
   * thread and a park of the last, then the main thread joins them. What Baton cannot avoid paying.
   */
  static final class Handoffs {
    private final Thread[] all;
    private volatile int holder;
    private volatile boolean done;
    private int remaining;

    Handoffs(int threads, int handoffs) {
      all = new Thread[Math.max(1, threads)];
      remaining = handoffs;
    }

    void run() throws InterruptedException {
      all[0] = Thread.currentThread();
      for (int i = 1; i < all.length; i++) {
        int me = i;
        all[i] = new Thread(() -> take(me));
        all[i].start();
      }
      take(0);
      for (int i = 1; i < all.length; i++) all[i].join();
    }

    private void take(int me) {
      while (true) {
        while (holder != me) {
          if (done) return;
          LockSupport.park(this);
        }
        if (remaining-- <= 0 || all.length == 1) {
          done = true;
          for (int i = 0; i < all.length; i++) if (i != me) LockSupport.unpark(all[i]);
          return;
        }
        int next = (me + 1) % all.length;
        holder = next;
        LockSupport.unpark(all[next]);
      }
    }
  }
}
