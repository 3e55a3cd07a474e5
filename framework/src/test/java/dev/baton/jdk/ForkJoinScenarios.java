package dev.baton.jdk;

import static dev.baton.jdk.Checks.check;
import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;
import java.util.stream.IntStream;

/** ForkJoinPool: a pool of one's own, and the JVM-wide common pool behind parallel streams. */
final class ForkJoinScenarios {
  private ForkJoinScenarios() {}

  /** Sums a range by splitting it in halves down to two elements. */
  static final class RangeSum extends RecursiveTask<Integer> {
    private final int from;
    private final int to;

    RangeSum(int from, int to) {
      this.from = from;
      this.to = to;
    }

    @Override
    protected Integer compute() {
      if (to - from <= 2) {
        int sum = 0;
        for (int i = from; i < to; i++) sum += i;
        return sum;
      }
      int middle = (from + to) >>> 1;
      RangeSum left = new RangeSum(from, middle);
      left.fork();
      return new RangeSum(middle, to).compute() + left.join();
    }
  }

  /** The same split, adding each piece into one shared plain counter. */
  static final class SharedRangeSum extends RecursiveAction {
    private final int from;
    private final int to;
    private final SharedCounter total;

    SharedRangeSum(int from, int to, SharedCounter total) {
      this.from = from;
      this.to = to;
      this.total = total;
    }

    @Override
    protected void compute() {
      if (to - from <= 2) {
        for (int i = from; i < to; i++) total.increment();
        return;
      }
      int middle = (from + to) >>> 1;
      invokeAll(new SharedRangeSum(from, middle, total), new SharedRangeSum(middle, to, total));
    }
  }

  // ---- correct ------------------------------------------------------------------------------

  static void ownPoolForkJoinSum() throws Exception {
    ForkJoinPool pool = new ForkJoinPool(2);
    int sum = pool.invoke(new RangeSum(0, 8));
    pool.shutdown();
    check(pool.awaitTermination(10, SECONDS), "pool did not terminate");
    check(sum == 28, "sum " + sum);
  }

  /** Code run by the common pool loads classes through the context loader, as on any thread. */
  static void commonPoolWorkersSeeTheScenariosClasses() {
    ClassLoader scenarios = ForkJoinScenarios.class.getClassLoader();
    ClassLoader seen = ForkJoinPool.commonPool()
        .submit(() -> Thread.currentThread().getContextClassLoader()).join();
    check(seen == scenarios, "a common-pool worker's context class loader is " + seen);
  }

  static void commonPoolForkJoinSum() throws Exception {
    int sum = ForkJoinPool.commonPool().submit(new RangeSum(0, 8)).get(10, SECONDS);
    check(sum == 28, "sum " + sum);
  }

  static void parallelStreamSum() {
    SharedCounter visits = new SharedCounter();
    int sum = IntStream.range(0, 8).parallel().peek(i -> visits.incrementSafely()).sum();
    check(sum == 28, "sum " + sum);
    check(visits.get() == 8, "visited " + visits.get() + " of 8 elements");
  }

  // ---- buggy --------------------------------------------------------------------------------

  static void ownPoolLostUpdate() throws Exception {
    ForkJoinPool pool = new ForkJoinPool(2);
    SharedCounter total = new SharedCounter();
    pool.invoke(new SharedRangeSum(0, 4, total));
    pool.shutdown();
    pool.awaitTermination(10, SECONDS);
    check(total.count == 4, "lost update: counted " + total.count + " of 4");
  }

  static void parallelStreamLostUpdate() {
    SharedCounter visits = new SharedCounter();
    IntStream.range(0, 4).parallel().forEach(i -> visits.increment());
    check(visits.count == 4, "lost update: counted " + visits.count + " of 4");
  }
}
