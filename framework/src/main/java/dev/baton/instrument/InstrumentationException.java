package dev.baton.instrument;

import org.apiguardian.api.API;

/** Baton could not instrument a class or attach its agent; the message says what and how to fix it. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class InstrumentationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InstrumentationException(String message, Throwable cause) {
    super(message, cause);
  }

  public InstrumentationException(String message) {
    super(message);
  }
}
