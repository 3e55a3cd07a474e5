package dev.baton.lincheck.specs;

import static dev.baton.lincheck.LincheckMode.BATON;
import static dev.baton.lincheck.LincheckMode.MODEL_CHECKING;

import dev.baton.lincheck.CheckLinearizability;
import java.util.concurrent.atomic.AtomicReference;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * Treiber's stack with a classic slip: {@code pop} does not retry when its compare-and-set fails,
 * but returns the node it read anyway, so two pops can return the same element.
 */
@CheckLinearizability(modes = {MODEL_CHECKING, BATON}, iterations = 5, invocations = 200,
    schedules = 300)
@Param(name = "value", gen = IntGen.class, conf = "1:5")
public class BrokenTreiberStackSpec {
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
    Node current = top.get();
    if (current == null) return null;
    top.compareAndSet(current, current.next());
    return current.value();
  }
}
