package dev.baton.lincheck;

import org.apiguardian.api.API;

/** One way of checking a {@link CheckLinearizability} class; each is a test of its own. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum LincheckMode {
  /** Lincheck's model checking ({@code ModelCheckingOptions}): bounded systematic switches. */
  MODEL_CHECKING("modelChecking", "Lincheck model checking"),
  /** Lincheck's stress testing ({@code StressOptions}): real threads, many runs. */
  STRESS("stress", "Lincheck stress"),
  /**
   * Baton's own scheduler: scenarios generated from each schedule's seed, every history checked
   * for linearizability, a replay token for a violation. Does not run Lincheck's code.
   */
  BATON("baton", "Baton scheduler");

  private final String testName;
  private final String description;

  LincheckMode(String testName, String description) {
    this.testName = testName;
    this.description = description;
  }

  /** The name of the test ({@code modelChecking}), as IDEs, Surefire and {@code -Dtest=} see it. */
  public String testName() {
    return testName;
  }

  /** For messages: {@code Lincheck model checking}. */
  public String description() {
    return description;
  }

  /** The mode whose {@link #testName()} or name (any case) is {@code text}, or null. */
  public static LincheckMode parse(String text) {
    String t = text.trim();
    for (LincheckMode m : values()) {
      if (m.testName.equalsIgnoreCase(t) || m.name().equalsIgnoreCase(t)
          || m.name().replace("_", "").equalsIgnoreCase(t)) {
        return m;
      }
    }
    return null;
  }
}
