package dev.baton.engine;

import org.apiguardian.api.API;

/**
 * A test Baton cannot run as written or configured: a misused annotation, an unusable test class, a
 * malformed configuration value. The message says what to change; a stack trace through the engine
 * would only hide it, so none is recorded.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BatonMisuseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong and how to fix it
   */
  public BatonMisuseException(String message) {
    super(message, null, false, false);
  }
}
