package dev.baton.lincheck.specs;

import static dev.baton.lincheck.LincheckMode.BATON;
import static dev.baton.lincheck.LincheckMode.MODEL_CHECKING;

import dev.baton.lincheck.CheckLinearizability;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/** The JDK's lock-free queue: linearizable. */
@CheckLinearizability(modes = {MODEL_CHECKING, BATON}, iterations = 1, invocations = 100,
    schedules = 300)
@Param(name = "value", gen = IntGen.class, conf = "1:5")
public class CorrectQueueSpec {
  private final ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();

  @Operation
  public boolean offer(@Param(name = "value") int value) {
    return queue.offer(value);
  }

  @Operation
  public Integer poll() {
    return queue.poll();
  }
}
