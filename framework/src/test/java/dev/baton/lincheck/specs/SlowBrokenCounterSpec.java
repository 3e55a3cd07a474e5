package dev.baton.lincheck.specs;

import static dev.baton.lincheck.LincheckMode.BATON;
import static dev.baton.lincheck.LincheckMode.STRESS;

import dev.baton.lincheck.CheckLinearizability;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * Read, compute, write, without a lock: the lost update of {@link BrokenCounterSpec} with some
 * work between the read and the write, as real code has. Lincheck's stress mode runs real threads
 * and needs that window to see the race reliably, on a loaded machine above all; on {@code ++}
 * alone it sometimes misses it in a small budget. (Baton's clock is virtual: the sleep costs
 * nothing there.)
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

  /** A millisecond of work: a lookup, a log line. */
  private static int computeNext(int value) {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return value + 1;
  }
}
