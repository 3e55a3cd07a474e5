package dev.baton.lincheck.specs;

import static dev.baton.lincheck.LincheckMode.BATON;
import static dev.baton.lincheck.LincheckMode.STRESS;

import dev.baton.lincheck.CheckLinearizability;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * Read, compute, write, without a lock: the lost update of {@link BrokenCounterSpec} with some
 * work between the read and the write, as real code has. Lincheck's stress mode runs real threads
 * and needs that window to see the race reliably; on {@code ++} alone it sometimes misses it in a
 * small budget.
 */
@CheckLinearizability(modes = {STRESS, BATON}, iterations = 5, invocations = 200, schedules = 300)
public class SlowBrokenCounterSpec {
  private int count;

  @Operation
  public int increment() {
    int next = computeNext(count);
    count = next;
    return next;
  }

  @Operation
  public int get() {
    return count;
  }

  /** About 50 microseconds of work. */
  private static int computeNext(int value) {
    long until = System.nanoTime() + 50_000;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    return value + 1;
  }
}
