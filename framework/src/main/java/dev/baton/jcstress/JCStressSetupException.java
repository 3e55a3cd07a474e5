package dev.baton.jcstress;

/** A JCStress test that cannot run as set up; the message says what to change. */
public final class JCStressSetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  JCStressSetupException(String message) {
    super(message);
  }
}
