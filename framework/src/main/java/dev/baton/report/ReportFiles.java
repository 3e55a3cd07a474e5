package dev.baton.report;

import dev.baton.config.ConfigKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Writes the files of one failing test into the report directory ({@link
 * ReportSettings#directory()}): {@code <test class>/<method>.html}, the timeline, and {@code
 * <method>.txt}, the whole trace as text. A later failure of the same test replaces them.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReportFiles {
  private ReportFiles() {}

  /** Where the two files went; {@code problem} says why not when they could not be written. */
  public record Written(Path html, Path text, String problem) {
    /** A line for the failure message: the links, or why there are none. */
    public String messageLines() {
      if (problem != null) return "(Baton could not write its HTML report: " + problem + ")\n";
      return "Timeline: " + html.toUri() + "\nFull trace: " + text.toUri() + "\n";
    }
  }

  /** Writes the report of {@code timeline} and the text trace {@code fullTrace} into {@code directory}. */
  public static Written write(Path directory, FailureTimeline timeline, String fullTrace) {
    Path base = directory.resolve(fileName(className(timeline.scenarioId())));
    String method = fileName(methodName(timeline.scenarioId()));
    Path html = base.resolve(method + ".html").toAbsolutePath();
    Path text = base.resolve(method + ".txt").toAbsolutePath();
    try {
      Files.createDirectories(base);
      Files.writeString(text, textReport(timeline, fullTrace), StandardCharsets.UTF_8);
      Files.writeString(html, HtmlTimeline.render(timeline, text.getFileName().toString()),
          StandardCharsets.UTF_8);
      return new Written(html, text, null);
    } catch (IOException | RuntimeException e) {
      return new Written(html, text, e + " (set " + ConfigKey.REPORT_DIR.key()
          + " to a writable directory)");
    }
  }

  private static String textReport(FailureTimeline timeline, String fullTrace) {
    StringBuilder b = new StringBuilder();
    b.append(timeline.scenarioId()).append('\n').append(timeline.headline()).append('\n')
        .append(timeline.found()).append('\n');
    if (!timeline.details().isBlank()) b.append('\n').append(timeline.details());
    b.append("\nInterleaving (").append(timeline.steps().size())
        .append(" steps; -> marks a switch):\n").append(fullTrace)
        .append("\nReplay this schedule:\n  ").append(timeline.replayCommand()).append('\n');
    return b.toString();
  }

  static String className(String scenarioId) {
    int hash = scenarioId.indexOf('#');
    return hash < 0 ? scenarioId : scenarioId.substring(0, hash);
  }

  static String methodName(String scenarioId) {
    int hash = scenarioId.indexOf('#');
    return hash < 0 ? "scenario" : scenarioId.substring(hash + 1);
  }

  /** Keeps letters, digits, dots, dashes and underscores: safe on every file system. */
  static String fileName(String s) {
    String name = s.replaceAll("[^A-Za-z0-9._$-]", "_");
    if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) name = "_" + name;
    return name.length() > 150 ? name.substring(0, 150) : name;
  }
}
