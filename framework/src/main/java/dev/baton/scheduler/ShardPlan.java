package dev.baton.scheduler;

import org.apiguardian.api.API;

/**
 * Which schedules of an exploration this run owns when the schedule space is split across CI jobs
 * ({@code baton.shard=i/n}): shard {@code i} of {@code n} (1-based) runs the schedules whose 0-based
 * index {@code s} has {@code s % n == i - 1}. Schedule {@code s} depends only on the seed and
 * {@code s} (see {@link dev.baton.strategy.SchedulePolicy#splittable()}), so the shards together
 * run exactly the schedules of the single run, none twice, and a failing schedule prints the same
 * number and token in its shard as in the single run. Round robin rather than blocks: a bug that
 * the single run finds early is found early in one of the shards too.
 *
 * <p>{@link dev.baton.Strategy#EXHAUSTIVE} and replays are not split: each schedule of an
 * enumeration depends on all earlier ones, and a replay is one schedule. Shard 1 runs them whole;
 * the other shards pass them with a note.
 *
 * @param index this shard, from 1 to {@code count}
 * @param count how many shards the schedules are split into, at least 1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ShardPlan(int index, int count) {
  /** The whole schedule space: no sharding. */
  public static final ShardPlan WHOLE = new ShardPlan(1, 1);

  public ShardPlan {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "shard " + index + "/" + count + " does not exist: use i/n with 1 <= i <= n");
    }
  }

  /**
   * Parses {@code i/n}, for example {@code 2/4} for the second of four CI jobs.
   *
   * @throws IllegalArgumentException naming {@code origin} and the expected form
   */
  public static ShardPlan parse(String text, String origin) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length == 2) {
      try {
        int i = Integer.parseInt(parts[0].trim());
        int n = Integer.parseInt(parts[1].trim());
        if (n >= 1 && i >= 1 && i <= n) return new ShardPlan(i, n);
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(
        origin + " is not a shard. Fix: pass i/n with 1 <= i <= n, for example -Dbaton.shard=2/4"
            + " in the second of four CI jobs (every job with the same seed and budget).");
  }

  /** True when the schedules are split at all. */
  public boolean split() {
    return count > 1;
  }

  /** Whether this shard runs the schedule with 0-based {@code index}. */
  public boolean owns(int schedule) {
    return count == 1 || schedule % count == index - 1;
  }

  /** How many of the first {@code budget} schedules this shard runs. */
  public int share(int budget) {
    if (count == 1) return budget;
    return budget / count + (budget % count > index - 1 ? 1 : 0);
  }

  /** Whether this shard runs the explorations that cannot be split (EXHAUSTIVE, replays). */
  public boolean runsUnsplit() {
    return index == 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
