package dev.baton.lincheck.specs;

import static dev.baton.lincheck.LincheckMode.BATON;
import static dev.baton.lincheck.LincheckMode.MODEL_CHECKING;

import dev.baton.lincheck.CheckLinearizability;
import org.jetbrains.lincheck.datastructures.Operation;

/** {@code ++} on a plain field: two increments can both return 1 (a lost update). */
@CheckLinearizability(modes = {MODEL_CHECKING, BATON}, iterations = 5, invocations = 200,
    schedules = 300)
public class BrokenCounterSpec {
  private int count;

  @Operation
  public int increment() {
    return ++count;
  }

  @Operation
  public int get() {
    return count;
  }
}
