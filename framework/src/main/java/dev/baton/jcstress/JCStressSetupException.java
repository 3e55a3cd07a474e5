package dev.baton.jcstress;

import org.apiguardian.api.API;

/** A JCStress test that cannot run as set up; the message says what to change. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JCStressSetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  JCStressSetupException(String message) {
    super(message);
  }
}
