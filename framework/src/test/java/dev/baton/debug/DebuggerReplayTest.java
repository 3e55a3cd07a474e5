package dev.baton.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A replay under a debugger, the way a person debugs it: {@code jdb} (from the JDK running the
 * tests) attaches to a fresh JVM that replays a token with a one-second watchdog, and stops ONLY
 * the scenario's thread at a breakpoint ({@code stop thread at}, IntelliJ's "Suspend: Thread"),
 * so the watchdog's thread keeps running. Held three times as long as the watchdog allows, then
 * resumed, the replay must end in the same failure as the exploration that found it: Baton sees
 * the JDWP agent and lets the watchdog of a replay wait (scheduler {@code Debugger}).
 *
 * <p>The twin shows that the check can fail: the same session around an exploration, whose
 * watchdog a debugger does not relax, ends in the watchdog's {@code UNCONTROLLED} failure while
 * the thread is still held. Without the rule the replay would end the same way.
 *
 * <p>No wait here is timed: each waits for a line of output (with a generous limit against a
 * hang); the only pause is the hold itself, which is the situation under test.
 */
class DebuggerReplayTest {
  private static final String SCENARIO = ReplayedScenario.class.getName();
  /** Three times the debuggee's one-second watchdog. */
  private static final long HOLD_MILLIS = 3_000;
  /** A line of jdb's {@code threads}: {@code (java.lang.Thread)1564  baton-main  running}. */
  private static final Pattern THREAD = Pattern.compile("\\([\\w.$]+\\)(\\w+)\\s+(\\S+)\\s");
  /** jdb's "Breakpoint hit" line: {@code "thread=baton-main", ...ReplayedScenario.increment()}. */
  private static final Pattern HIT =
      Pattern.compile("\"thread=([^\"]+)\", " + Pattern.quote(SCENARIO + ".increment()"));
  /** The top frame in jdb's {@code where}: {@code [1] Class.method (File.java:23)}, no prompt. */
  private static final Pattern TOP_FRAME = Pattern.compile("\\[1\\] [\\w.$<>]+ \\(");
  private static final String NOT_SUSPENDED = "isn't suspended";

  @Test
  void aReplayHeldAtAThreadOnlyBreakpointPastTheWatchdogEndsInTheSameFailure() throws Exception {
    InterleavingFailure found = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().seed(5).explore(new DebuggedReplayMain.ByName()));
    assertThat(found).isNotNull();

    try (Debuggee program = Debuggee.start("replay", found.replayToken());
        Jdb jdb = Jdb.attach(Debuggee.javaHome(), program.port())) {
      Held held = holdAtTheBreakpoint(jdb);
      Thread.sleep(HOLD_MILLIS); // a person reading the variables, for longer than the watchdog
      // Without the relaxed watchdog the replay would have ended by now, as its twin does.
      assertThat(program.output()).as("the replay has not ended while held")
          .doesNotContain("ENDED");
      assertThat(where(jdb, held.watchdog())).as("the watchdog's thread after the hold")
          .contains(NOT_SUSPENDED);
      assertThat(where(jdb, held.thread())).as("the held thread after the hold")
          .contains(SCENARIO + ".increment");

      jdb.ask("resume", l -> l.contains("All threads resumed"));
      String ended = program.await(l -> l.startsWith("ENDED"));
      assertThat(ended).as(program.output()).isEqualTo(DebuggedReplayMain.ended(found));
      assertThat(program.output()).contains("A debugger is attached (JDWP)");
    }
  }

  @Test
  void anExplorationHeldTheSameWayEndsInTheWatchdogsUncontrolledFailure() throws Exception {
    try (Debuggee program = Debuggee.start("explore", "5");
        Jdb jdb = Jdb.attach(Debuggee.javaHome(), program.port())) {
      holdAtTheBreakpoint(jdb);
      String ended = program.await(l -> l.startsWith("ENDED"));
      assertThat(ended).as(program.output())
          .startsWith("ENDED UNCONTROLLED")
          .contains("did not reach a scheduling point for 1 s", SCENARIO + ".increment");
      // The message names the held frame; jdb itself is not asked again here: on Temurin 25 its
      // `where` after the program's failure could answer with an internal "Thread has been
      // resumed" and no stack, and the test then waited for a line that never came.
      assertThat(program.output()).doesNotContain("A debugger is attached");
      jdb.ask("resume", l -> l.contains("All threads resumed"));
    }
  }

  /** jdb's ids of the thread held at the breakpoint and of the watchdog's thread. */
  private record Held(String thread, String watchdog) {}

  /**
   * Runs the debuggee to a breakpoint in {@link ReplayedScenario#increment()} that suspends only
   * the thread that hits it, and checks that the watchdog's thread (the program's {@code main},
   * which explores) runs on meanwhile.
   */
  private static Held holdAtTheBreakpoint(Jdb jdb) throws IOException, InterruptedException {
    // jdb stops every thread at an uncaught exception, by default: a schedule the watchdog ends
    // throws one in the other thread, which would hold the ending of the exploration too.
    jdb.ask("ignore uncaught java.lang.Throwable", l -> l.contains("Removed: uncaught"));
    String at = SCENARIO + ":" + breakpointLine();
    jdb.ask("stop thread at " + at, l -> l.contains("Deferring breakpoint " + at));
    String hit = jdb.ask("run", l -> HIT.matcher(l).find() || l.contains("application exited"));
    Matcher thread = HIT.matcher(hit);
    if (!thread.find()) {
      // jdb sets a deferred breakpoint in the first copy of the class that gets prepared (linked)
      throw new AssertionError("the program ended without reaching the breakpoint: did another"
          + " class loader link a copy of " + SCENARIO + " first? jdb said:\n" + jdb.output());
    }
    // Cleared at once, so that the other thread of the scenario does not stop there too.
    jdb.ask("clear " + at, l -> l.contains("Removed: breakpoint " + at));
    Held held = threads(jdb, thread.group(1));
    assertThat(where(jdb, held.watchdog())).as("the watchdog's thread while one is held")
        .contains(NOT_SUSPENDED);
    assertThat(where(jdb, held.thread())).as("the thread at the breakpoint")
        .contains(SCENARIO + ".increment");
    return held;
  }

  /**
   * Reads jdb's {@code threads} list until it has shown the thread named {@code held} and the
   * watchdog's thread, and returns their ids.
   */
  private static Held threads(Jdb jdb, String heldName) throws IOException, InterruptedException {
    jdb.send("threads");
    String held = null;
    String watchdog = null;
    while (held == null || watchdog == null) {
      String line = jdb.await(l -> THREAD.matcher(l).find());
      Matcher m = THREAD.matcher(line);
      if (!m.find()) throw new AssertionError(line);
      if (m.group(2).equals("main")) watchdog = m.group(1);
      if (m.group(2).equals(heldName)) held = m.group(1);
    }
    return new Held(held, watchdog);
  }

  /** The top frame of jdb's {@code where} for a thread, or jdb's words when it is not suspended. */
  private static String where(Jdb jdb, String threadId) throws IOException, InterruptedException {
    return jdb.ask("where " + threadId,
        l -> l.contains(NOT_SUSPENDED) || TOP_FRAME.matcher(l).find());
  }

  private static int breakpointLine() throws IOException {
    Path source = Path.of("src/test/java/dev/baton/debug/ReplayedScenario.java");
    List<String> lines = Files.readAllLines(source);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("// BREAKPOINT")) return i + 1;
    }
    throw new AssertionError("no BREAKPOINT marker in " + source);
  }
}
