package dev.baton.lincheck.blocking;

import static dev.baton.lincheck.LincheckMode.BATON;

import dev.baton.lincheck.CheckLinearizability;
import java.util.concurrent.Semaphore;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * A blocking operation that ignores interrupts: its sequential step that would wait for ever
 * cannot be unwound, so Baton's mode cannot tell an impossible order from a possible one. Seed 2
 * runs, first, a scenario that completes and whose check tries an order with a second acquire.
 */
@CheckLinearizability(modes = BATON, schedules = 50, seed = 2)
public class UninterruptibleSpec {
  private final Semaphore permits = new Semaphore(1);

  @Operation(blocking = true)
  public void acquire() {
    permits.acquireUninterruptibly();
  }

  @Operation
  public void release() {
    permits.release();
  }
}
