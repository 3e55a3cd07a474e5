package dev.baton.lincheck.specs;

import static dev.baton.lincheck.LincheckMode.BATON;
import static dev.baton.lincheck.LincheckMode.MODEL_CHECKING;

import dev.baton.lincheck.CheckLinearizability;
import java.util.concurrent.atomic.AtomicReference;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/** Treiber's lock-free stack, each operation retrying its compare-and-set: linearizable. */
@CheckLinearizability(modes = {MODEL_CHECKING, BATON}, iterations = 1, invocations = 100,
    schedules = 300)
@Param(name = "value", gen = IntGen.class, conf = "1:5")
public class CorrectTreiberStackSpec {
  private record Node(int value, Node next) {}

  private final AtomicReference<Node> top = new AtomicReference<>();

  @Operation
  public void push(@Param(name = "value") int value) {
    while (true) {
      Node current = top.get();
      if (top.compareAndSet(current, new Node(value, current))) return;
    }
  }

  @Operation
  public Integer pop() {
    while (true) {
      Node current = top.get();
      if (current == null) return null;
      if (top.compareAndSet(current, current.next())) return current.value();
    }
  }
}
