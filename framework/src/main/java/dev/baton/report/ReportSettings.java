package dev.baton.report;

import dev.baton.config.ConfigKey;
import dev.baton.config.Defaults;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Where failure reports go and whether long explorations print progress, from the keys {@code
 * baton.reportDir}, {@code baton.progress} and {@code baton.progressSeconds}.
 *
 * <p>They are passed explicitly, as part of the exploration's settings: the engine reads them from
 * system properties and JUnit configuration parameters, {@link dev.baton.Interleavings} from the
 * system properties.
 *
 * @param directory the directory the HTML report and the trace file of each failing test go to
 * @param progress whether long explorations print a progress line
 * @param progressIntervalMillis how often, at most, the progress line is printed
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ReportSettings(Path directory, boolean progress, long progressIntervalMillis) {
  private static final String REPORT_DIR = ConfigKey.REPORT_DIR.key();
  private static final String PROGRESS = ConfigKey.PROGRESS.key();
  private static final String PROGRESS_SECONDS = ConfigKey.PROGRESS_SECONDS.key();

  /** From the system properties, the environment and the working directory of this JVM. */
  public static ReportSettings fromSystemProperties() {
    return from(
        key -> Optional.ofNullable(System.getProperty(key)).filter(v -> !v.isBlank()),
        System.getenv(),
        Path.of("").toAbsolutePath());
  }

  /**
   * Reads the keys through {@code lookup} (empty when not set).
   *
   * @throws IllegalArgumentException naming the key, the value and a valid one
   */
  public static ReportSettings from(
      Function<String, Optional<String>> lookup, Map<String, String> environment, Path workingDirectory) {
    Path directory = lookup.apply(REPORT_DIR).map(String::trim)
        .map(v -> directory(v, workingDirectory))
        .orElseGet(() -> defaultDirectory(workingDirectory));
    String mode = lookup.apply(PROGRESS).map(v -> v.trim().toLowerCase(Locale.ROOT))
        .orElse(Defaults.PROGRESS);
    boolean progress = switch (mode) {
      case "true" -> true;
      case "false" -> false;
      case "auto" -> !inCi(environment);
      default -> throw new IllegalArgumentException(
          PROGRESS + "=" + mode + " is not valid. Fix: pass true, false or auto (on unless the"
              + " environment variable CI is set), for example -D" + PROGRESS + "=true.");
    };
    long seconds = lookup.apply(PROGRESS_SECONDS).map(String::trim).map(ReportSettings::seconds)
        .orElse(Defaults.PROGRESS_SECONDS);
    return new ReportSettings(directory, progress, seconds * 1000);
  }

  /**
   * {@code target/baton} under the working directory, as Maven's Surefire runs tests in the
   * module's directory; {@code build/baton} in a Gradle project (a {@code build.gradle} or {@code
   * build.gradle.kts} and no {@code pom.xml}).
   */
  static Path defaultDirectory(Path workingDirectory) {
    boolean gradle = !Files.exists(workingDirectory.resolve("pom.xml"))
        && (Files.exists(workingDirectory.resolve("build.gradle"))
            || Files.exists(workingDirectory.resolve("build.gradle.kts")));
    return workingDirectory.resolve(gradle ? "build" : "target").resolve("baton");
  }

  private static boolean inCi(Map<String, String> environment) {
    String ci = environment.get("CI");
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
  }

  private static Path directory(String value, Path workingDirectory) {
    try {
      return workingDirectory.resolve(value).normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(REPORT_DIR + "=" + value + " is not a valid path ("
          + e.getReason() + "). Fix: pass a directory, for example -D" + REPORT_DIR
          + "=target/baton-reports.");
    }
  }

  private static long seconds(String value) {
    try {
      long s = Long.parseLong(value);
      if (s >= 1 && s <= 86_400) return s;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(PROGRESS_SECONDS + "=" + value + " is not valid. Fix: pass"
        + " a whole number of seconds from 1 to 86400, for example -D" + PROGRESS_SECONDS + "=30.");
  }
}
