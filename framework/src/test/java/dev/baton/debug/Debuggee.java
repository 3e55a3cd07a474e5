package dev.baton.debug;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link DebuggedReplayMain} in a JVM of its own (the JDK running the tests) with the JDWP agent
 * loaded, waiting for a debugger before it runs ({@code suspend=y}) on a port it picks itself.
 */
final class Debuggee implements AutoCloseable {
  private static final Pattern LISTENING =
      Pattern.compile("Listening for transport dt_socket at address: (\\d+)");

  private final Process process;
  private final Jdb.Lines out;
  private final int port;

  private Debuggee(Process process) throws InterruptedException {
    this.process = process;
    this.out = new Jdb.Lines(process.getInputStream());
    Matcher listening = LISTENING.matcher(await(l -> LISTENING.matcher(l).find()));
    if (!listening.find()) throw new AssertionError(LISTENING);
    this.port = Integer.parseInt(listening.group(1));
  }

  /** Starts {@code DebuggedReplayMain} with {@code arguments}. */
  static Debuggee start(String... arguments) throws IOException, InterruptedException {
    Path javaHome = javaHome();
    List<String> command = new ArrayList<>(List.of(
        javaHome.resolve("bin/java").toString(),
        "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:0",
        "-cp", System.getProperty("java.class.path"),
        DebuggedReplayMain.class.getName()));
    command.addAll(List.of(arguments));
    return new Debuggee(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  /** The JDK that runs the tests: its {@code java} runs the debuggee, its {@code jdb} debugs. */
  static Path javaHome() {
    return Path.of(System.getProperty("java.home"));
  }

  /** The port the JDWP agent listens on. */
  int port() {
    return port;
  }

  /** Waits for the first line of output {@code wanted} accepts (from here on) and returns it. */
  String await(Predicate<String> wanted) throws InterruptedException {
    return out.await(wanted, Jdb.WAIT_SECONDS);
  }

  /** Everything the program printed so far. */
  String output() {
    return out.all();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }
}
