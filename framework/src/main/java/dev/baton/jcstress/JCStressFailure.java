package dev.baton.jcstress;

import org.apiguardian.api.API;

/**
 * A JCStress test that failed: a forbidden outcome seen by JCStress or reached by Baton's
 * interleaving analysis, or an error status. The message holds the outcome table, the JVM
 * configurations and where JCStress's log is.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class JCStressFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  JCStressFailure(String message) {
    super(message);
  }
}
