package dev.baton.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Starts a main of this module in a fresh JVM with this JVM's class path and collects its output. */
final class ChildJvm {
  /** What a child printed, and how long its whole process took, JVM start included. */
  record Outcome(List<String> lines, int exitCode, double seconds) {
    List<String[]> results(String kind) {
      List<String[]> found = new ArrayList<>();
      for (String line : lines) {
        if (line.startsWith(Result.PREFIX + kind + "|")) {
          found.add(line.substring(Result.PREFIX.length()).split("\\|"));
        }
      }
      return found;
    }
  }

  private ChildJvm() {}

  static Outcome run(Class<?> main, List<String> jvmFlags, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    long start = System.nanoTime();
    Process process = builder.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) lines.add(line);
    }
    int exit = process.waitFor();
    return new Outcome(lines, exit, (System.nanoTime() - start) / 1e9);
  }
}
