package dev.baton.debug;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@code jdb} session attached to a JVM that waits for it ({@code suspend=y}): commands in,
 * output lines out. Every wait is for a line of output, with a generous limit that only turns a
 * hang into a failure that shows the output so far.
 */
final class Jdb implements AutoCloseable {
  /** The limit of a wait for a line: long, for a loaded two-core CI machine. */
  static final int WAIT_SECONDS = 180;

  private final Process process;
  private final Writer in;
  private final Lines out;

  private Jdb(Process process) {
    this.process = process;
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.out = new Lines(process.getInputStream());
  }

  /** Attaches the {@code jdb} of {@code javaHome} to the JVM listening on {@code port}. */
  static Jdb attach(Path javaHome, int port) throws IOException, InterruptedException {
    Path jdb = javaHome.resolve("bin/jdb");
    if (!jdb.toFile().canExecute()) throw new AssertionError("no jdb at " + jdb);
    Jdb session = new Jdb(new ProcessBuilder(jdb.toString(), "-attach", "127.0.0.1:" + port)
        .redirectErrorStream(true)
        .start());
    // The VM waits at its start (suspend=y); jdb takes commands once it says so.
    session.await(l -> l.contains("VM Started"));
    return session;
  }

  /** Sends one command line. */
  void send(String command) throws IOException {
    in.write(command + "\n");
    in.flush();
  }

  /** Sends {@code command} and waits for its answer, the first line that {@code answer} accepts. */
  String ask(String command, Predicate<String> answer) throws IOException, InterruptedException {
    send(command);
    return await(answer);
  }

  /** Waits for the first line {@code wanted} accepts (from here on) and returns it. */
  String await(Predicate<String> wanted) throws InterruptedException {
    return out.await(wanted, WAIT_SECONDS);
  }

  /** Everything jdb said so far. */
  String output() {
    return out.all();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  /** A process's output, line by line, read on a thread of its own. */
  static final class Lines {
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    Lines(InputStream stream) {
      Thread reader = new Thread(() -> read(stream), "output-reader");
      reader.setDaemon(true);
      reader.start();
    }

    private void read(InputStream stream) {
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        // jdb writes its prompt ("main[1] ", "> ") without a newline: it starts the next line.
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
    }

    /** Waits for the first line {@code wanted} accepts, up to {@code seconds}; returns it. */
    String await(Predicate<String> wanted, int seconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (true) {
        long left = deadline - System.nanoTime();
        String line = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
        if (line == null) {
          throw new AssertionError("no wanted line in " + seconds + " s; output so far:\n" + all());
        }
        synchronized (seen) {
          seen.add(line);
        }
        if (wanted.test(line)) return line;
      }
    }

    /** The lines taken so far, and those not taken yet. */
    String all() {
      synchronized (seen) {
        List<String> lines = new ArrayList<>(seen);
        lines.addAll(queue);
        return String.join("\n", lines);
      }
    }
  }
}
