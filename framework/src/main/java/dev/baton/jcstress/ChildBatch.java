package dev.baton.jcstress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs JCStress's {@code Main} over a set of tests in a child JVM of its own, in its own
 * directory, with its output in a log file. The child is clean: it gets the class path and
 * nothing else of this JVM (no {@code -javaagent}, no {@code -Xmx}: JCStress copies its own
 * JVM's flags into every worker JVM), and the environment variables that inject JVM options are
 * removed. On timeout or cancellation the whole process tree (JCStress and its workers) is killed.
 */
final class ChildBatch {
  /** How the batch ended. */
  enum End { FINISHED, TIMED_OUT, CANCELLED }

  /**
   * What one batch left behind.
   *
   * @param end how it ended
   * @param exitCode the JCStress JVM's exit code (1 when a test failed), or -1 when killed
   * @param directory where it ran: the HTML report is in {@code results/}
   * @param log JCStress's console output
   * @param resultFile the binary result file, or null when JCStress wrote none
   * @param millis wall-clock time of the batch
   */
  record Outcome(End end, int exitCode, Path directory, Path log, Path resultFile, long millis) {}

  /** Environment variables through which a JVM picks up options such as {@code -javaagent}. */
  private static final List<String> JVM_OPTION_VARIABLES =
      List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

  private ChildBatch() {}

  /** The command that runs {@code testNames} with {@code jcstressArgs}. */
  static List<String> command(String classPath, List<String> jcstressArgs, List<String> testNames) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classPath);
    command.add("org.openjdk.jcstress.Main");
    command.addAll(jcstressArgs);
    command.add("-t");
    command.add(testNames.stream().map(Pattern::quote).collect(Collectors.joining("|", "^(", ")$")));
    return command;
  }

  /**
   * Runs {@code command} in a new directory under {@code parent} until it ends, {@code
   * timeoutSeconds} pass, or {@code cancelled} says so.
   */
  static Outcome run(List<String> command, Path parent, long timeoutSeconds,
      BooleanSupplier cancelled) throws IOException, InterruptedException {
    Files.createDirectories(parent);
    Path directory = Files.createTempDirectory(parent, "jcstress-");
    Path log = directory.resolve("jcstress.log");
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    JVM_OPTION_VARIABLES.forEach(env::remove);
    long started = System.nanoTime();
    Process process = builder.start();
    // If this JVM dies first (Surefire killed), take the batch with it.
    Thread reaper = new Thread(() -> killTree(process), "baton-jcstress-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
    End end = End.FINISHED;
    try {
      long deadline = started + TimeUnit.SECONDS.toNanos(timeoutSeconds);
      while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
        if (cancelled.getAsBoolean()) {
          end = End.CANCELLED;
          break;
        }
        if (System.nanoTime() - deadline >= 0) {
          end = End.TIMED_OUT;
          break;
        }
      }
    } finally {
      if (process.isAlive()) killTree(process);
      try {
        Runtime.getRuntime().removeShutdownHook(reaper);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    int exit = end == End.FINISHED ? process.exitValue() : -1;
    return new Outcome(end, exit, directory, log, resultFile(directory), millis);
  }

  /** Kills {@code process} and every process below it, and waits until they are gone. */
  static void killTree(Process process) {
    // Listed before the root dies: a worker re-parented to init is no longer its descendant. The
    // root goes first so that it starts no new worker meanwhile.
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(process.toHandle());
    process.toHandle().descendants().forEach(tree::add);
    for (ProcessHandle h : tree) h.destroyForcibly();
    for (ProcessHandle h : tree) {
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // reported by the caller through the still-running process, if ever
      }
    }
  }

  private static Path resultFile(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(p -> p.getFileName().toString().matches("jcstress-results-.*\\.bin\\.gz"))
          .findFirst()
          .orElse(null);
    }
  }

  /** The last {@code lines} lines of {@code log}, for a failure message. */
  static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(the log could not be read: " + e + ")";
    }
  }
}
