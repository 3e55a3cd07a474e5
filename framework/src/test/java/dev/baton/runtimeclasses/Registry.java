package dev.baton.runtimeclasses;

/**
 * Scenario code that the static initialiser of the generated class calls: its accesses are
 * scheduling points, so a thread running it inside that initialiser could be parked there.
 */
public final class Registry {
  private static int initialised;

  private Registry() {}

  public static void classInitialised() {
    initialised = initialised + 1;
  }

  public static int initialised() {
    return initialised;
  }
}
