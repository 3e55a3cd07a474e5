package dev.baton.debug;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;

/**
 * Runs {@link ReplayedScenario} with a one-second watchdog and prints how it ended, as {@code
 * ENDED <kind> <trace hash> <first line of the message>}. {@code replay TOKEN} replays a token;
 * {@code explore SEED} explores from a seed (an exploration keeps its watchdog under a debugger).
 * {@link DebuggerReplayTest} runs it under {@code jdb}, holding one thread at a breakpoint in
 * {@link ReplayedScenario} for longer than the watchdog.
 */
public final class DebuggedReplayMain {
  private DebuggedReplayMain() {}

  public static void main(String[] args) {
    Interleavings.Options options =
        Interleavings.configure().watchdog(Duration.ofSeconds(1));
    switch (args[0]) {
      case "replay" -> options.replay(args[1]);
      case "explore" -> options.seed(Long.parseLong(args[1]));
      default -> throw new IllegalArgumentException("replay TOKEN or explore SEED, not " + args[0]);
    }
    try {
      options.explore(new ByName());
      System.out.println("ENDED passed");
    } catch (InterleavingFailure failure) {
      System.out.println(ended(failure));
    }
  }

  /** How {@code failure} ended, as this program prints it. */
  static String ended(InterleavingFailure failure) {
    return "ENDED " + failure.kind() + " " + failure.trace().hashCode() + " "
        + failure.getMessage().lines().findFirst().orElse("");
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
