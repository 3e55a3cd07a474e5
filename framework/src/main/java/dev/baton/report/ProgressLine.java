package dev.baton.report;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;

/**
 * The progress line of a long exploration: schedules done of the budget, rate, elapsed time and
 * failures found so far, printed at most once per interval ({@link
 * ReportSettings#progressIntervalMillis()}), never for an exploration shorter than one interval.
 * Called once per schedule from the exploration loop; between two lines a call costs one clock
 * read.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ProgressLine {
  private final String name;
  private final int budget;
  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final Consumer<String> out;
  private final long started;
  private long next;

  ProgressLine(String scenarioId, int budget, long intervalMillis, LongSupplier nanoClock,
      Consumer<String> out) {
    this.name = shortName(scenarioId);
    this.budget = budget;
    this.intervalNanos = intervalMillis * 1_000_000;
    this.nanoClock = nanoClock;
    this.out = out;
    this.started = nanoClock.getAsLong();
    this.next = started + intervalNanos;
  }

  /** A progress line for one exploration under {@code settings}, or null for a silent one. */
  public static ProgressLine start(String scenarioId, int budget, ReportSettings settings) {
    if (!settings.progress()) return null;
    return new ProgressLine(scenarioId, budget, settings.progressIntervalMillis(), System::nanoTime,
        System.out::println);
  }

  /** {@code done} schedules have run, {@code found} of them failed; prints when the interval is up. */
  public void scheduleDone(int done, int found) {
    long now = nanoClock.getAsLong();
    if (now < next) return;
    next = now + intervalNanos;
    double seconds = (now - started) / 1e9;
    out.accept(String.format(Locale.ROOT,
        "[baton] %s: %,d of %,d schedules (%d%%), %,.0f/s, %s elapsed, %s", name, done, budget,
        (int) (100L * done / budget), done / Math.max(seconds, 1e-9), elapsed(seconds),
        found == 0 ? "no failure so far" : found + (found == 1 ? " failure" : " failures")
            + " so far"));
  }

  private static String elapsed(double seconds) {
    long s = (long) seconds;
    return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
  }

  /** {@code TransferTest#charges} for {@code com.acme.TransferTest#charges}. */
  static String shortName(String scenarioId) {
    int hash = scenarioId.indexOf('#');
    int dot = scenarioId.lastIndexOf('.', hash < 0 ? scenarioId.length() : hash);
    return scenarioId.substring(dot + 1);
  }
}
