package dev.baton.strategy;

import dev.baton.instrument.Site;
import dev.baton.instrument.Sites;

/**
 * Partial Order Sampling: each thread's pending operation gets a random priority; the highest
 * runs; the operations that race with it (same location, one of them a write) draw new priorities,
 * and so does the next operation of the thread that ran.
 *
 * <p>A thread that gives way (a {@code Thread.yield()} or spin wait, or the fairness bound) hands
 * over to a uniformly chosen thread that can run, as {@link PctPolicy} does: a pending read keeps
 * its priority until it runs, so among many spinning threads the one whose turn it is, with a low
 * priority, would wait a very long time while the spinners took turns (a correct 20-thread token
 * ring was reported as not terminating).
 */
final class PosPolicy extends SeededPolicy {

  PosPolicy(long seed) {
    super(seed);
  }

  @Override
  public int pickThread(
      ThreadView[] options, int enabled, int wakeable, ThreadView current, int step) {
    int count = enabled + wakeable;
    if (enabled > 1 && PctPolicy.gaveWay(current, options, enabled)) {
      int handOver = random.nextInt(enabled);
      options[handOver].priority = -1; // as if chosen: its next operation draws a fresh priority
      return handOver;
    }
    int best = 0;
    for (int i = 0; i < count; i++) {
      if (Double.isNaN(options[i].priority) || options[i].priority < 0) {
        options[i].priority = random.nextDouble();
      }
      if (options[i].priority > options[best].priority) best = i;
    }
    ThreadView chosen = options[best];
    for (int i = 0; i < count; i++) {
      if (i != best && races(chosen, options[i])) options[i].priority = random.nextDouble();
    }
    chosen.priority = -1; // its next operation draws a fresh priority
    return best;
  }

  @Override
  public String name() {
    return "POS";
  }

  static boolean races(ThreadView a, ThreadView b) {
    if (!a.pendingWrite && !b.pendingWrite) return false;
    if (a.pendingObject != b.pendingObject) return false;
    if (a.pendingObject == null && a.pendingKey == null) return false;
    if (a.pendingKey != b.pendingKey) return false;
    if (a.pendingKey == ThreadView.FIELD_KEY && a.pendingIndex != b.pendingIndex) {
      // Two sites may access the same field: compare what they name, not the sites.
      Site sa = Sites.get(a.pendingIndex);
      Site sb = Sites.get(b.pendingIndex);
      return sa != null && sb != null && sa.detail().equals(sb.detail());
    }
    return a.pendingIndex == b.pendingIndex;
  }
}
