package dev.baton.strategy;

import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A random walk that interleaves only where threads can interfere, after SURW (Selectively
 * Uniform Random Walk, Zhao et al., ASPLOS 2025). The running thread keeps running while its next
 * step touches nothing shared: no location at all (a thread start, a clock read), or a call on an
 * object or an array element that no other thread has touched in this schedule so far (a list the
 * thread builds for itself), from code that did not touch a shared object in the first schedule.
 * Before a field access, a monitor, a lock, a join or a shared object, every option is equally
 * likely. A program that starts many threads then has them all started before they interleave, as
 * a uniform choice at every step almost never does: a checker started after 99 writers can still
 * see the first writer half-way. One of {@link PortfolioPolicy}'s members; it never preempts a
 * thread before a step it deems local, which the others do.
 *
 * <p>Why the first schedule: an object is "touched by no other thread so far" also when the
 * others will touch it later: the first of 98 threads to call {@code second.lock()} would never be
 * preempted there. The sites whose object turned out shared in schedule 0 are remembered ({@link
 * #shared}, shared by the portfolio's members, filled by whichever runs schedule 0, as a shard or
 * a parallel worker that did not run it learns through {@link PortfolioPolicy#learnFrom}), so
 * every later schedule depends on the seed and its own number only.
 *
 * <p>{@linkplain #byCode By code}, it first picks uniformly among the distinct pieces of code the
 * options are about to run (the site of each thread's next step; for a thread that has not run
 * yet, its {@linkplain ThreadView#kind kind}), then among the threads there. Copies of one worker
 * count once: a reader started after 98 copies of a two-stage writer runs next as often as all the
 * writers together, where a uniform choice of threads would give it one chance in 99.
 */
final class SelectiveWalkPolicy extends SeededPolicy {
  private static final long SHARED = -1;
  /**
   * The one thread that touched an object in this schedule so far and the site it did it from
   * ({@link #touch(int, int)}), or {@link #SHARED}: of the steps the policy saw (those about to
   * run at a choice).
   */
  private final Map<Object, Long> toucher = new IdentityHashMap<>();
  /** Sites that touched an object another thread touched too, in schedule 0. */
  private final BitSet shared;
  private final boolean byCode;
  private boolean learning;
  /** The distinct codes of the current options, in the order the options first show them. */
  private long[] codes = new long[8];

  SelectiveWalkPolicy(long seed, boolean byCode, BitSet shared) {
    super(seed);
    this.byCode = byCode;
    this.shared = shared;
  }

  @Override
  public void beginSchedule(int index) {
    super.beginSchedule(index);
    learning = index == 0;
    toucher.clear(); // holds no object of a finished schedule
  }

  @Override
  public int pickThread(
      ThreadView[] options, int enabled, int wakeable, ThreadView current, int step) {
    for (int i = 0; i < enabled + wakeable; i++) touch(options[i]);
    if (local(current)) {
      for (int i = 0; i < enabled; i++) {
        if (options[i] == current) return i;
      }
    }
    return byCode ? pickByCode(options, enabled, wakeable) : random.nextInt(enabled + wakeable);
  }

  @Override
  public void endSchedule(int steps) {
    learning = false;
    toucher.clear();
  }

  /** Records that {@code t}'s next step touches its object (a call or an array element). */
  private void touch(ThreadView t) {
    if (t.pendingKey != null || t.pendingObject == null) return;
    Long before = toucher.get(t.pendingObject); // boxes only a first touch: this runs per option
    if (before == null) {
      toucher.put(t.pendingObject, touch(t.id, t.nextSite));
      return;
    }
    if (before == SHARED) {
      learn(t.nextSite);
    } else if ((int) (before >>> 32) != t.id) {
      toucher.put(t.pendingObject, SHARED);
      learn((int) (long) before);
      learn(t.nextSite);
    }
  }

  private static long touch(int thread, int site) {
    return (long) thread << 32 | (site & 0xFFFF_FFFFL);
  }

  private void learn(int site) {
    if (learning && site >= 0) shared.set(site);
  }

  private boolean local(ThreadView t) {
    if (t.pendingKey != null) return false; // a field, a monitor, a lock, a thread's life
    if (t.pendingObject == null) return true; // a start, a clock read: nothing in memory
    if (t.nextSite >= 0 && shared.get(t.nextSite)) return false;
    Long first = toucher.get(t.pendingObject);
    return first != null && first != SHARED && (int) (first >>> 32) == t.id;
  }

  /** A uniformly chosen code among the options', then a uniformly chosen thread running it. */
  private int pickByCode(ThreadView[] options, int enabled, int wakeable) {
    int count = enabled + wakeable;
    if (codes.length < count) codes = new long[Math.max(count, codes.length * 2)];
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      long code = code(options[i], i >= enabled);
      int g = 0;
      while (g < distinct && codes[g] != code) g++;
      if (g == distinct) codes[distinct++] = code;
    }
    long chosen = codes[random.nextInt(distinct)];
    int members = 0;
    for (int i = 0; i < count; i++) {
      if (code(options[i], i >= enabled) == chosen) members++;
    }
    int k = random.nextInt(members);
    for (int i = 0; i < count; i++) {
      if (code(options[i], i >= enabled) == chosen && k-- == 0) return i;
    }
    throw new IllegalStateException("no option runs the chosen code");
  }

  /**
   * What {@code t} is about to run: the site of its next step, or of the call it waits in, else
   * the kind of thread it is (it has not run yet); a thread woken early counts apart.
   */
  private static long code(ThreadView t, boolean wokenEarly) {
    long code = t.nextSite >= 0 ? t.nextSite : t.lastSite >= 0 ? t.lastSite : -1L - t.kind;
    return wokenEarly ? code * 2 + 1 : code * 2;
  }

  @Override
  public String name() {
    return byCode ? "selective random walk by code" : "selective random walk";
  }
}
