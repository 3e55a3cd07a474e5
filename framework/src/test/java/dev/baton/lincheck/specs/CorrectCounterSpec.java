package dev.baton.lincheck.specs;

import static dev.baton.lincheck.LincheckMode.BATON;
import static dev.baton.lincheck.LincheckMode.MODEL_CHECKING;
import static dev.baton.lincheck.LincheckMode.STRESS;

import dev.baton.lincheck.CheckLinearizability;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.datastructures.Operation;

/** A counter on an atomic: linearizable. */
@CheckLinearizability(modes = {MODEL_CHECKING, STRESS, BATON}, iterations = 1, invocations = 100,
    schedules = 300)
public class CorrectCounterSpec {
  private final AtomicInteger count = new AtomicInteger();

  @Operation
  public int increment() {
    return count.incrementAndGet();
  }

  @Operation
  public int get() {
    return count.get();
  }
}
