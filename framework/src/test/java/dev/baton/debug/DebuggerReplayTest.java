package dev.baton.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A replay under a debugger: {@code jdb} (from the JDK running the tests) attaches to a fresh JVM
 * that replays a token with a one-second watchdog, stops at a breakpoint inside the scenario for
 * three seconds, and continues. The watchdog must not end the schedule (Baton sees the JDWP agent),
 * and the replay must end in the same failure as the exploration that found it.
 */
class DebuggerReplayTest {
  private static final long HOLD_MILLIS = 3_000;

  @Test
  void aBreakpointHeldLongerThanTheWatchdogEndsInTheSameFailure() throws Exception {
    InterleavingFailure found = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().seed(5).explore(new DebuggedReplayMain.ByName()));
    assertThat(found).isNotNull();

    Path javaHome = Path.of(System.getProperty("java.home"));
    Path jdb = javaHome.resolve("bin/jdb");
    assertThat(jdb).as("the JDK's jdb").isExecutable();
    int port = freePort();
    Process debuggee = new ProcessBuilder(List.of(
            javaHome.resolve("bin/java").toString(),
            "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:" + port,
            "-cp", System.getProperty("java.class.path"),
            DebuggedReplayMain.class.getName(), found.replayToken()))
        .redirectErrorStream(true)
        .start();
    Lines program = new Lines(debuggee.getInputStream());
    program.await(l -> l.contains("Listening for transport"), 60);

    Process debugger = new ProcessBuilder(List.of(jdb.toString(), "-attach", "127.0.0.1:" + port))
        .redirectErrorStream(true)
        .start();
    Lines jdbOut = new Lines(debugger.getInputStream());
    try (Writer in = new OutputStreamWriter(debugger.getOutputStream(), StandardCharsets.UTF_8)) {
      jdbOut.await(l -> l.contains("Initializing jdb"), 60);
      send(in, "stop at " + "dev.baton.debug.ReplayedScenario:" + breakpointLine());
      jdbOut.await(l -> l.contains("Deferring breakpoint") || l.contains("Set breakpoint"), 30);
      send(in, "run");
      jdbOut.await(l -> l.contains("Breakpoint hit"), 120);
      send(in, "clear " + "dev.baton.debug.ReplayedScenario:" + breakpointLine());
      Thread.sleep(HOLD_MILLIS); // a person reading the variables, for longer than the watchdog
      send(in, "cont");
      String replayed = program.await(l -> l.startsWith("REPLAYED"), 120);
      assertThat(replayed).as(program.all())
          .isEqualTo("REPLAYED " + found.trace().hashCode() + " " + firstLostUpdateLine(found));
      assertThat(program.all()).contains("A debugger is attached (JDWP)");
    } finally {
      debugger.destroyForcibly();
      debuggee.destroyForcibly();
    }
    assertThat(debuggee.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  private static String firstLostUpdateLine(InterleavingFailure failure) {
    return failure.getMessage().lines().filter(l -> l.contains("lost update")).findFirst()
        .orElseThrow();
  }

  private static int breakpointLine() throws IOException {
    Path source = Path.of("src/test/java/dev/baton/debug/ReplayedScenario.java");
    List<String> lines = Files.readAllLines(source);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("// BREAKPOINT")) return i + 1;
    }
    throw new AssertionError("no BREAKPOINT marker in " + source);
  }

  private static void send(Writer in, String command) throws IOException {
    in.write(command + "\n");
    in.flush();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A process's output, line by line, read on a thread of its own. */
  private static final class Lines {
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    Lines(java.io.InputStream stream) {
      Thread reader = new Thread(() -> {
        try (BufferedReader r =
            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
          // jdb prompts without a newline; split on its prompt too
          StringBuilder line = new StringBuilder();
          int c;
          while ((c = r.read()) >= 0) {
            if (c == '\n') {
              queue.add(line.toString());
              line.setLength(0);
            } else {
              line.append((char) c);
            }
          }
          if (line.length() > 0) queue.add(line.toString());
        } catch (IOException ignored) {
          // the process ended
        }
      }, "output-reader");
      reader.setDaemon(true);
      reader.start();
    }

    String await(java.util.function.Predicate<String> wanted, int seconds)
        throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (true) {
        long left = deadline - System.nanoTime();
        String line = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
        if (line == null) throw new AssertionError("timed out waiting; output so far:\n" + all());
        synchronized (seen) {
          seen.add(line);
        }
        if (wanted.test(line)) return line;
      }
    }

    String all() {
      synchronized (seen) {
        return String.join("\n", seen);
      }
    }
  }
}
