package dev.baton.scheduler;

import org.apiguardian.api.API;

/**
 * An exploration whose time budget ran out before its schedule budget, under {@code
 * baton.failOnBudget=true}: every schedule that ran passed, but the search was partial, so the test
 * fails. The message says how far it got, names the key and the fix.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TimeBudgetSpent extends AssertionError {
  private static final long serialVersionUID = 1L;

  TimeBudgetSpent(String message) {
    super(message);
  }
}
