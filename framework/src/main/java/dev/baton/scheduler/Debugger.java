package dev.baton.scheduler;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether a debugger can stop this JVM: the JDWP agent is loaded (IntelliJ's and Eclipse's debug
 * runs, {@code jdb}, {@code -agentlib:jdwp=...}). A person stopped at a breakpoint holds a thread
 * for minutes, which the watchdog would take for a thread gone outside Baton's control: at once
 * with a breakpoint that suspends only its thread (IntelliJ's "Suspend: Thread", {@code jdb}'s
 * {@code stop thread at}), where the watchdog's own thread runs on, and on resuming with one that
 * suspends every thread, where the watchdog's clock ran on. So when a replay runs with a debugger
 * the watchdog waits {@link #WATCHDOG_MILLIS} instead ({@code DebuggerReplayTest}). Only a
 * replay: an exploration in a JVM that merely has the agent loaded (a CI image with {@code
 * -agentlib:jdwp=...,suspend=n}) keeps its watchdog, so a real hang still ends the schedule.
 */
final class Debugger {
  /** How long the watchdog waits when a debugger is attached: a working day. */
  static final long WATCHDOG_MILLIS = TimeUnit.HOURS.toMillis(8);

  private static final boolean ATTACHED = jdwpLoaded();
  private static final AtomicBoolean SAID = new AtomicBoolean();

  private Debugger() {}

  /** The watchdog limit to use instead of {@code configured}, for a replay when {@code replaying}. */
  static long watchdogMillis(long configured, boolean replaying) {
    if (!ATTACHED || !replaying || configured >= WATCHDOG_MILLIS) return configured;
    if (SAID.compareAndSet(false, true)) {
      System.out.println("[baton] A debugger is attached (JDWP): the watchdog waits 8 hours for a"
          + " thread stopped at a breakpoint instead of " + configured / 1000.0 + " s.");
    }
    return WATCHDOG_MILLIS;
  }

  private static boolean jdwpLoaded() {
    try {
      List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
      for (String argument : arguments) {
        if (argument.startsWith("-agentlib:jdwp") || argument.startsWith("-Xrunjdwp")
            || (argument.startsWith("-agentpath:") && argument.contains("jdwp"))) {
          return true;
        }
      }
      return false;
    } catch (RuntimeException | LinkageError noManagement) {
      return false; // java.management absent: no way to tell, keep the configured watchdog
    }
  }
}
