package dev.baton.lincheck;

import org.apiguardian.api.API;

/**
 * A Lincheck check that did not finish within {@code baton.lincheck.timeoutSeconds}: not a bug
 * found, so not an {@link AssertionError} like {@link LincheckFailure}. Test reports count it as an
 * error, not a failure, and its report entry says {@code baton.lincheck.outcome=timed out}, so a CI
 * summary tells "found a bug" from "did not finish".
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LincheckTimeout extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long timeoutSeconds;

  LincheckTimeout(String message, long timeoutSeconds) {
    super(message);
    this.timeoutSeconds = timeoutSeconds;
  }

  /** The watchdog's limit that ran out, in seconds. */
  public long timeoutSeconds() {
    return timeoutSeconds;
  }
}
