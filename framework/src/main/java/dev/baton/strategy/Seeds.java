package dev.baton.strategy;

import java.util.SplittableRandom;
import org.apiguardian.api.API;

/** Derives independent random streams from an exploration seed. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Seeds {
  private Seeds() {}

  /** The stream of schedule {@code index}: the same seed and index give the same choices. */
  public static SplittableRandom forSchedule(long seed, int index) {
    return new SplittableRandom(mix(seed) ^ mix(index + 0x9E3779B97F4A7C15L));
  }

  /** The seed of the values (random numbers, identity hashes) that schedule {@code number} sees. */
  public static long forValues(long seed, int number) {
    return mix(mix(seed) + number * 0xD1B54A32D192ED03L);
  }

  /** A non-zero 32-bit hash of {@code n}, spread over all bits. */
  public static int hash(long n) {
    int h = (int) mix(n);
    return h == 0 ? 1 : h;
  }

  /**
   * The seed of a sharded exploration that was given none: every shard must use the same one, so
   * it comes from the scenario's id rather than from {@link #pick()}.
   */
  public static long forScenario(String scenarioId) {
    long s = mix(scenarioId.hashCode() + 0x632BE59BD9B4E019L);
    return s == 0 ? 1 : s;
  }

  /** A fresh non-zero seed. */
  public static long pick() {
    long s;
    do {
      s = new SplittableRandom().nextLong();
    } while (s == 0);
    return s;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
