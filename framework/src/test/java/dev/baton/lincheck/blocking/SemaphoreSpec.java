package dev.baton.lincheck.blocking;

import static dev.baton.lincheck.LincheckMode.BATON;

import dev.baton.lincheck.CheckLinearizability;
import java.util.concurrent.Semaphore;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * A correct structure with a blocking operation: {@code acquire} waits for a permit. Every run
 * that completes is linearizable; an order that puts an {@code acquire} before the {@code release}
 * that gave it its permit is impossible, not a deadlock of the semaphore.
 */
@CheckLinearizability(modes = BATON, schedules = 200, seed = 5)
public class SemaphoreSpec {
  private final Semaphore permits = new Semaphore(1);

  @Operation(blocking = true)
  public void acquire() throws InterruptedException {
    permits.acquire();
  }

  @Operation
  public void release() {
    permits.release();
  }

  @Operation
  public int available() {
    return permits.availablePermits();
  }
}
