package dev.baton.lincheck;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.engine.BatonConfiguration;
import dev.baton.scheduler.ExplorationSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Checks a Lincheck spec from code, as the {@code baton} engine runs a {@link CheckLinearizability}
 * class: for example to assert that a known-broken structure is reported.
 *
 * <pre>{@code
 * InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
 *     () -> Linearizability.check(BrokenStack.class, LincheckMode.BATON));
 * }</pre>
 *
 * <p>The spec's {@link CheckLinearizability} attributes apply when it has the annotation (the
 * defaults otherwise), then the configuration keys set as system properties ({@code
 * baton.lincheck.*}; {@code baton.schedules}, {@code baton.strategy}, {@code baton.seed} and
 * {@code baton.replay} for Baton's mode). A token printed here replays in the engine, and the other
 * way round: both bind it to {@code SpecClass#baton}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Linearizability {
  /** Lincheck's scenarios per check. */
  public static final String ITERATIONS = "baton.lincheck.iterations";
  /** Lincheck's runs per scenario. */
  public static final String INVOCATIONS = "baton.lincheck.invocations";
  /** Threads per scenario, every mode. */
  public static final String THREADS = "baton.lincheck.threads";
  /** Operations per thread, every mode. */
  public static final String ACTORS_PER_THREAD = "baton.lincheck.actorsPerThread";
  /** Watchdog of a Lincheck check, in seconds. */
  public static final String TIMEOUT_SECONDS = "baton.lincheck.timeoutSeconds";
  /** Whether Lincheck shrinks a failing scenario (true by default). */
  public static final String MINIMIZE = "baton.lincheck.minimize";

  /**
   * At most this many operations per scenario: beyond a few dozen, the search for an order would
   * not end in a unit test anyway.
   */
  static final int MAX_OPERATIONS = 60;

  /** The default attributes, for a spec without the annotation. */
  @CheckLinearizability
  private static final class Defaults {}

  /** What a passing check reports: one line for the console, entries for the test report. */
  public record Outcome(String summary, Map<String, String> reportEntry) {}

  private Linearizability() {}

  /**
   * Runs {@code mode} on {@code spec}, configured by system properties.
   *
   * @return what was checked, when nothing was found
   * @throws InterleavingFailure Baton's mode found a history that is not linearizable (or the spec
   *     deadlocked, did not terminate ...), with the interleaving and a replay token
   * @throws LincheckFailure Lincheck found a bug
   * @throws LincheckTimeout its check did not finish in time
   * @throws IllegalArgumentException the spec or the configuration cannot be used, or Lincheck is
   *     missing; the message says what to fix
   */
  public static Outcome check(Class<?> spec, LincheckMode mode) throws Exception {
    String hint = "mvn test -Dtest=" + spec.getSimpleName() + "#" + mode.testName();
    return check(spec, mode, BatonConfiguration.fromSystemProperties(), hint);
  }

  /**
   * Runs {@code mode} on {@code spec} with {@code configuration}: the engine's entry point.
   *
   * @param replayHint how to re-run just this check, printed before a replay option
   */
  public static Outcome check(Class<?> spec, LincheckMode mode, BatonConfiguration configuration,
      String replayHint) throws Exception {
    CheckLinearizability annotation = annotationOf(spec);
    List<String> problems = new ArrayList<>(configuration.problems());
    LincheckSettings settings = settings(annotation, configuration, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(spec.getName() + "#" + mode.testName()
          + " cannot run: " + String.join("; ", problems));
    }
    Optional<String> missing =
        LincheckRunner.missingLincheck(spec, mode, LincheckRunner.class.getClassLoader());
    if (missing.isPresent()) throw new IllegalArgumentException(missing.get());
    Map<String, String> entry = new LinkedHashMap<>();
    if (mode != LincheckMode.BATON) {
      LincheckRunner.check(mode, spec, settings);
      entry.put(ITERATIONS, String.valueOf(settings.iterations()));
      entry.put(INVOCATIONS, String.valueOf(settings.invocations()));
      return new Outcome(mode.description() + " passed, " + settings.describe(), entry);
    }
    ExplorationSettings exploration = configuration.override(ExplorationSettings.builder()
        .scenarioId(spec.getName() + "#" + mode.testName())
        .replayHint(replayHint)
        .strategy(annotation.strategy())
        .schedules(annotation.schedules())
        .seed(annotation.seed())
        .replayToken(annotation.replay().isBlank() ? null : annotation.replay().trim())
        .annotated(true)
        .build());
    ExplorationResult result = BatonLinearizability.explore(spec, exploration, settings.threads(),
        settings.actorsPerThread(), configuration.instrumentExclusions());
    entry.put("baton.schedules", String.valueOf(result.schedules()));
    entry.put("baton.strategy", String.valueOf(result.strategy()));
    entry.put("baton.seed", String.valueOf(result.seed()));
    String note = result.note() == null || result.note().isBlank() ? "" : ". " + result.note();
    return new Outcome(result.schedules() + " schedule(s), every history linearizable ("
        + settings.threads() + " threads x " + settings.actorsPerThread() + " operations), strategy "
        + result.strategy() + ", seed " + result.seed() + note, entry);
  }

  private static CheckLinearizability annotationOf(Class<?> spec) {
    CheckLinearizability a = spec.getAnnotation(CheckLinearizability.class);
    return a != null ? a : Defaults.class.getAnnotation(CheckLinearizability.class);
  }

  /** The annotation's sizes with the configured keys applied; malformed values go to problems. */
  static LincheckSettings settings(
      CheckLinearizability a, BatonConfiguration configuration, List<String> problems) {
    int iterations = whole(configuration, ITERATIONS, "iterations", a.iterations(), problems);
    int invocations = whole(configuration, INVOCATIONS, "invocations", a.invocations(), problems);
    int threads = whole(configuration, THREADS, "threads", a.threads(), problems);
    int actors = whole(configuration, ACTORS_PER_THREAD, "actorsPerThread", a.actorsPerThread(),
        problems);
    long timeout = whole(configuration, TIMEOUT_SECONDS, null,
        (int) LincheckSettings.DEFAULT_TIMEOUT_SECONDS, problems);
    if (threads * (long) actors > MAX_OPERATIONS) {
      problems.add("threads x actorsPerThread = " + threads * (long) actors + " operations per"
          + " scenario; at most " + MAX_OPERATIONS + " can be checked for linearizability");
    }
    boolean minimize = true;
    Optional<String> configured = configuration.value(MINIMIZE);
    if (configured.isPresent()) {
      String v = configured.get().toLowerCase(Locale.ROOT);
      if (v.equals("true") || v.equals("false")) {
        minimize = Boolean.parseBoolean(v);
      } else {
        problems.add(MINIMIZE + "=" + configured.get() + " is not valid. Fix: pass true or false,"
            + " for example -D" + MINIMIZE + "=false.");
      }
    }
    return new LincheckSettings(iterations, invocations, threads, actors, timeout, minimize);
  }

  private static int whole(BatonConfiguration configuration, String key, String attribute,
      int declared, List<String> problems) {
    if (attribute != null && declared < 1) {
      problems.add("@CheckLinearizability(" + attribute + " = " + declared + ") must be at least 1");
    }
    Optional<String> configured = configuration.value(key);
    if (configured.isEmpty()) return declared;
    try {
      int parsed = Integer.parseInt(configured.get());
      if (parsed >= 1) return parsed;
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(key + "=" + configured.get() + " is not valid. Fix: pass a whole number of at"
        + " least 1, for example -D" + key + "=" + Math.max(1, declared * 10) + ".");
    return Math.max(declared, 1);
  }
}
