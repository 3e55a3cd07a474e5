package dev.baton.engine;

import org.apiguardian.api.API;

/**
 * Baton itself failed while running a test (instrumentation, the scheduler, the engine): not a
 * verdict on the code under test. The cause is the original failure.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BatonEngineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which test Baton was running and what went wrong
   * @param cause the original failure
   */
  public BatonEngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
