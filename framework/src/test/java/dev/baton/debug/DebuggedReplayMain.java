package dev.baton.debug;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;

/**
 * Replays the token given as the only argument with a one-second watchdog, and prints the result
 * as {@code REPLAYED <trace hash> <lost update line>}. {@link DebuggerReplayTest} runs it under
 * {@code jdb}, stopped at a breakpoint in {@link ReplayedScenario} for longer than the watchdog.
 */
public final class DebuggedReplayMain {
  private DebuggedReplayMain() {}

  public static void main(String[] args) {
    try {
      Interleavings.configure().replay(args[0]).watchdog(Duration.ofSeconds(1))
          .explore(new ByName());
      System.out.println("REPLAYED passed");
    } catch (InterleavingFailure failure) {
      System.out.println("REPLAYED " + failure.trace().hashCode() + " "
          + failure.getMessage().lines().filter(l -> l.contains("lost update")).findFirst()
              .orElse(failure.getMessage()));
    }
  }

  /** Runs {@link ReplayedScenario#lostUpdate()}, naming it only at run time. */
  public static final class ByName implements Scenario {
    @Override
    public void run() throws Exception {
      try {
        Class.forName("dev.baton.debug.ReplayedScenario", true, getClass().getClassLoader())
            .getMethod("lostUpdate").invoke(null);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof Error error) throw error;
        throw (Exception) e.getCause();
      }
    }
  }
}
