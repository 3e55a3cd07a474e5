package dev.baton.instrument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds source lines of the samples by marker comments ({@code //@charge-write}), so tests assert
 * exact line numbers without hard-coding them.
 */
final class SourceLines {
  private static final Path SAMPLES =
      Path.of(System.getProperty("basedir", "."), "src/test/java/dev/baton/instrument/samples");
  private static final Map<String, List<String>> FILES = new ConcurrentHashMap<>();

  private SourceLines() {}

  /** The 1-based line of {@code //@marker} in {@code samples/<file>.java}. */
  static int of(String file, String marker) {
    List<String> lines = FILES.computeIfAbsent(file, SourceLines::read);
    int found = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int at = line.indexOf("//@" + marker);
      if (at >= 0 && line.substring(at + 3).trim().equals(marker)) {
        if (found != -1) throw new IllegalStateException("marker " + marker + " twice in " + file);
        found = i + 1;
      }
    }
    if (found == -1) throw new IllegalArgumentException("no marker " + marker + " in " + file);
    return found;
  }

  private static List<String> read(String file) {
    try {
      return Files.readAllLines(SAMPLES.resolve(file + ".java"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
