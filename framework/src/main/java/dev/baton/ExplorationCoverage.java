package dev.baton;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * What a clean exploration covered, and for {@link Strategy#PCT} how likely it is that a bug of the
 * given depth was missed.
 *
 * <p><b>The PCT bound.</b> PCT (Burckhardt et al., ASPLOS 2010) finds a bug of depth {@code d} (one
 * that needs {@code d} ordering constraints between threads) in each schedule with probability at
 * least {@code p = 1 / (n * k^(d-1))}, where {@code n} is the number of threads and {@code k} the
 * number of steps its change points are drawn from. Schedules are drawn independently, so after
 * {@code N} clean schedules a depth-{@code d} bug has been missed with probability at most {@code
 * (1 - p)^N}: {@link #pctMissBound()}. Here {@code n} is the most threads one schedule had and
 * {@code k} the larger of the longest schedule and the range PCT drew its change points from; a
 * bug that needs a change point beyond that range is not covered by the bound.
 *
 * @param schedules how many schedules ran
 * @param distinctSchedules how many of them made a different sequence of choices
 * @param steps scheduling points passed in all schedules together
 * @param longestSchedule scheduling points of the longest schedule
 * @param switches how often the baton passed from one thread to another, in all schedules
 * @param threads the most threads one schedule had
 * @param sites distinct scheduling points (instrumented instructions) reached in any schedule
 * @param pctDepth PCT's bug depth {@code d}, or 0 when the strategy was not PCT
 * @param pctSteps the {@code k} of the bound, or 0 when the strategy was not PCT
 * @param pctMissBound the bound on the probability that a depth-{@code d} bug was missed, or
 *     {@code NaN} when the strategy was not PCT
 * @param fingerprint an order-independent digest of which schedules ran and what choices each
 *     made: the fingerprints of the shards of an exploration ({@code baton.shard}) add up (with
 *     {@code long} overflow) to the fingerprint of the same exploration run whole
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ExplorationCoverage(
    int schedules,
    int distinctSchedules,
    long steps,
    int longestSchedule,
    long switches,
    int threads,
    int sites,
    int pctDepth,
    int pctSteps,
    double pctMissBound,
    long fingerprint) {

  /**
   * {@code (1 - p)^schedules} with {@code p = 1 / (threads * steps^(depth-1))}: the probability that
   * {@code schedules} independent PCT schedules all miss a given bug of depth {@code depth}.
   */
  public static double pctMissBound(int threads, int steps, int depth, int schedules) {
    double p = 1.0 / (Math.max(1, threads) * Math.pow(Math.max(1, steps), depth - 1));
    return p >= 1 ? 0 : Math.exp(schedules * Math.log1p(-p));
  }

  /** One sentence for the console and the report, for example {@code 1000 distinct schedules ...}. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT,
        "covered %,d distinct schedule(s) of %,d, %,d steps (longest %,d), %d thread(s),"
            + " %,d scheduling point(s)",
        distinctSchedules, schedules, steps, longestSchedule, threads, sites));
    if (pctDepth > 0) {
      double p = 1.0 / (Math.max(1, threads) * Math.pow(Math.max(1, pctSteps), pctDepth - 1));
      text.append(String.format(Locale.ROOT,
          "; PCT: a depth-%d bug is missed with probability <= %s (each schedule finds it with"
              + " p >= 1/(n*k^(d-1)) = 1/(%d*%d^%d) = %s)",
          pctDepth, number(pctMissBound), threads, pctSteps, pctDepth - 1, number(Math.min(1, p))));
    }
    return text.toString();
  }

  private static String number(double x) {
    if (x == 0 || x >= 0.01) return String.format(Locale.ROOT, "%.3f", x);
    return String.format(Locale.ROOT, "%.2e", x);
  }
}
