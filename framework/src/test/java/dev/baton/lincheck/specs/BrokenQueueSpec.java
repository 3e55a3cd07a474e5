package dev.baton.lincheck.specs;

import static dev.baton.lincheck.LincheckMode.BATON;
import static dev.baton.lincheck.LincheckMode.MODEL_CHECKING;

import dev.baton.lincheck.CheckLinearizability;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * An array queue with volatile indices but no atomic update: two offers can claim the same slot,
 * two polls can take the same element.
 */
@CheckLinearizability(modes = {MODEL_CHECKING, BATON}, iterations = 5, invocations = 200,
    schedules = 300)
@Param(name = "value", gen = IntGen.class, conf = "1:5")
public class BrokenQueueSpec {
  private final Integer[] items = new Integer[16];
  private volatile int head;
  private volatile int tail;

  @Operation
  public boolean offer(@Param(name = "value") int value) {
    int slot = tail;
    items[slot] = value;
    tail = slot + 1;
    return true;
  }

  @Operation
  public Integer poll() {
    int slot = head;
    if (slot == tail) return null;
    Integer value = items[slot];
    head = slot + 1;
    return value;
  }
}
