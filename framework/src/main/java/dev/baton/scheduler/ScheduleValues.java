package dev.baton.scheduler;

import dev.baton.instrument.Site;
import dev.baton.instrument.Sites;
import dev.baton.strategy.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The values that would differ from run to run, made the same in every run of a schedule: random
 * numbers and seeds, each thread's {@code ThreadLocalRandom}, and the identity hashes of user
 * objects, all drawn from the schedule's seed in the order the threads ask. Calls to sources Baton
 * does not control are remembered, to name them when a replay diverges.
 */
final class ScheduleValues {
  private final Scheduler s;

  /** Random numbers and identity hashes of this schedule; created on first use. */
  private final long valueSeed;
  private SplittableRandom values;
  private int identities;
  /** Sites of calls to sources Baton does not control, in order of first call. */
  private final List<Integer> uncontrolled = new ArrayList<>();

  ScheduleValues(Scheduler s, long valueSeed) {
    this.s = s;
    this.valueSeed = valueSeed;
  }

  private SplittableRandom values() {
    if (values == null) values = new SplittableRandom(valueSeed);
    return values;
  }

  double random() {
    if (s.observer != null) s.observer.global(); // one stream for all threads: order matters
    return values().nextDouble();
  }

  boolean randomSeed(long[] seed) {
    if (s.observer != null) s.observer.global();
    seed[0] = values().nextLong();
    return true;
  }

  RandomGenerator threadRandom(ManagedThread me) {
    if (me.random == null) {
      if (s.observer != null) s.observer.global();
      me.random = new SplittableRandom(values().nextLong());
    }
    return me.random;
  }

  int identityHash() {
    if (s.observer != null) s.observer.global();
    return Seeds.hash(++identities);
  }

  void uncontrolled(int site) {
    if (uncontrolled.size() < 8 && !uncontrolled.contains(site)) uncontrolled.add(site);
  }

  /**
   * What in this schedule may have made it differ from the recorded one: the calls to sources
   * Baton does not control, if any were made.
   */
  String likelyCauses() {
    if (uncontrolled.isEmpty()) return " (hash order of JDK objects, I/O, or state outside the test)";
    StringBuilder b = new StringBuilder("; it called what Baton cannot repeat: ");
    for (int i = 0; i < uncontrolled.size(); i++) {
      Site site = Sites.get(uncontrolled.get(i));
      if (i > 0) b.append(", ");
      b.append(site == null ? "?" : site.detail() + " at " + site.location());
    }
    return b.toString();
  }
}
