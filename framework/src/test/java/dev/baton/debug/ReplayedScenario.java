package dev.baton.debug;

/**
 * The lost update {@link DebuggerReplayTest} stops in. Only Baton's instrumenting class loader
 * links this class (through {@link DebuggedReplayMain.ByName}, which names it only at run time),
 * so that {@code jdb}'s deferred breakpoint lands in the copy that the schedule runs: jdb sets it
 * in the first copy of the class that is prepared (linked), and the application class loader only
 * loads its copy, unlinked, for the class's assertion status.
 */
public final class ReplayedScenario {
  private static int value;

  private ReplayedScenario() {}

  public static void lostUpdate() throws InterruptedException {
    value = 0;
    Thread other = new Thread(ReplayedScenario::increment);
    other.start();
    increment();
    other.join();
    if (value != 2) throw new AssertionError("lost update: value = " + value);
  }

  static void increment() {
    int read = value; // BREAKPOINT: DebuggerReplayTest stops here
    value = read + 1;
  }
}
