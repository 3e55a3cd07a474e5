package dev.baton.existing;

import org.apiguardian.api.API;

/**
 * JUnit could not run an existing test inside a schedule at all (it found no test for the method,
 * or the class failed to initialise as a test class): a problem of the test's set-up, which the
 * engine reports as a misuse, never as a concurrency bug found in some schedule.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ExistingTestNotRunnable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ExistingTestNotRunnable(String message, Throwable cause) {
    super(message, cause);
  }
}
