package dev.baton.scheduler;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A random walk that interleaves only where threads can interfere, after SURW (Selectively
 * Uniform Random Walk, Zhao et al., ASPLOS 2025). The running thread keeps running while its next
 * step touches nothing shared: no location at all (a thread start, a clock read), or a call on an
 * object or an array element that no other thread has touched in this schedule so far (a list the
 * thread builds for itself). Before a field access, a monitor, a lock, a join or a shared object,
 * every option is equally likely. A program that starts many threads then has them all started
 * before they interleave, as a uniform choice at every step almost never does: a checker started
 * after 99 writers can still see the first writer half-way. One of {@link PortfolioPolicy}'s
 * members; it never preempts a thread before a step it deems local, which the others do.
 */
final class SelectiveWalkPolicy extends SeededPolicy {
  private static final int SHARED = -1;
  /**
   * The one thread that touched an object in this schedule so far, or {@link #SHARED}: of the steps
   * the policy saw (those about to run at a choice).
   */
  private final Map<Object, Integer> toucher = new IdentityHashMap<>();

  SelectiveWalkPolicy(long seed) {
    super(seed);
  }

  @Override
  public void beginSchedule(int index) {
    super.beginSchedule(index);
    toucher.clear(); // holds no object of a finished schedule
  }

  @Override
  public int pickThread(
      ManagedThread[] options, int enabled, int wakeable, ManagedThread current, int step) {
    for (int i = 0; i < enabled + wakeable; i++) touch(options[i]);
    if (local(current)) {
      for (int i = 0; i < enabled; i++) {
        if (options[i] == current) return i;
      }
    }
    return random.nextInt(enabled + wakeable);
  }

  @Override
  public void endSchedule(int steps) {
    toucher.clear();
  }

  /** Records that {@code t}'s next step touches its object (a call or an array element). */
  private void touch(ManagedThread t) {
    if (t.pendingKey != null || t.pendingObject == null) return;
    Integer before = toucher.putIfAbsent(t.pendingObject, t.id);
    if (before != null && before != t.id) toucher.put(t.pendingObject, SHARED);
  }

  private boolean local(ManagedThread t) {
    if (t.pendingKey != null) return false; // a field, a monitor, a lock, a thread's life
    if (t.pendingObject == null) return true; // a start, a clock read: nothing in memory
    Integer first = toucher.get(t.pendingObject);
    return first != null && first == t.id;
  }

  @Override
  public String name() {
    return "selective random walk";
  }
}
