package dev.baton.lincheck.specs;

import static dev.baton.lincheck.LincheckMode.BATON;
import static dev.baton.lincheck.LincheckMode.MODEL_CHECKING;

import dev.baton.lincheck.CheckLinearizability;
import java.util.ArrayDeque;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/** A stack behind one lock: linearizable. */
@CheckLinearizability(modes = {MODEL_CHECKING, BATON}, iterations = 1, invocations = 100,
    schedules = 300)
@Param(name = "value", gen = IntGen.class, conf = "1:5")
public class CorrectStackSpec {
  private final ArrayDeque<Integer> items = new ArrayDeque<>();

  @Operation
  public synchronized void push(@Param(name = "value") int value) {
    items.push(value);
  }

  @Operation
  public synchronized Integer pop() {
    return items.poll();
  }
}
