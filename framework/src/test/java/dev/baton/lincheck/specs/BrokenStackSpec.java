package dev.baton.lincheck.specs;

import static dev.baton.lincheck.LincheckMode.BATON;
import static dev.baton.lincheck.LincheckMode.MODEL_CHECKING;

import dev.baton.lincheck.CheckLinearizability;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * An array stack without a lock: two pushes can write the same slot (one is lost), two pops can
 * return the same element.
 */
@CheckLinearizability(modes = {MODEL_CHECKING, BATON}, iterations = 5, invocations = 200,
    schedules = 300)
@Param(name = "value", gen = IntGen.class, conf = "1:5")
public class BrokenStackSpec {
  private final int[] items = new int[16];
  private int size;

  @Operation
  public void push(@Param(name = "value") int value) {
    items[size] = value;
    size = size + 1;
  }

  @Operation
  public Integer pop() {
    if (size == 0) return null;
    int top = items[size - 1];
    size = size - 1;
    return top;
  }
}
