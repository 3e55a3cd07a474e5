package dev.baton.strategy;

import org.apiguardian.api.API;

/**
 * Feeds a recorded schedule back. Strict: the first recorded choice that does not apply throws
 * {@link Divergence}. Lenient (a pinned regression test): it takes the recorded thread when it can,
 * else keeps the running thread or the lowest id, and remembers that it diverged.
 *
 * <p>A strict replay whose choices are used up while the running thread can go on keeps running
 * it for a while ({@link #overran}): how deep a recursion gets before its stack overflows depends
 * on how the JIT compiled its frames, so a runaway recursion may need more steps in the replay
 * than when it was found. The explorer accepts such a replay only when it ends in that same kind
 * of failure.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReplayPolicy implements SchedulePolicy {
  private final int[] recorded;
  private final boolean strict;
  private int next;
  private String divergence = "";
  /** Why the strict replay ran past its token, or null while it did not. */
  private String overran;

  public ReplayPolicy(int[] recorded, boolean strict) {
    this.recorded = recorded;
    this.strict = strict;
  }

  @Override
  public void beginSchedule(int index) {
    next = 0;
    overran = null;
  }

  @Override
  public int pickThread(
      ThreadView[] options, int enabled, int wakeable, ThreadView current, int step) {
    return pick(options, enabled + wakeable, current, step);
  }

  /** A replay is one schedule, recorded in a token: never split. */
  @Override
  public boolean splittable() {
    return false;
  }

  @Override
  public String name() {
    return "the token";
  }

  @Override
  public int pickWaiter(ThreadView[] waiters, int count) {
    return pick(waiters, count, null, -1);
  }

  private int pick(ThreadView[] options, int count, ThreadView current, int step) {
    int position = next++;
    if (position < recorded.length) {
      for (int i = 0; i < count; i++) {
        if (options[i].id == recorded[position]) return i;
      }
    }
    String why =
        position < recorded.length
            ? "the token chose thread #" + recorded[position] + " but only " + names(options, count)
                + " could run"
            : "the token's " + recorded.length + " choices were used up but " + names(options, count)
                + " could run";
    if (strict) {
      if (position >= recorded.length && position < recorded.length + overrunAllowance()) {
        for (int i = 0; i < count; i++) {
          if (options[i] == current) {
            if (overran == null) overran = new Divergence(position + 1, why).getMessage();
            return i;
          }
        }
      }
      throw new Divergence(position + 1, why);
    }
    if (divergence.isEmpty()) {
      divergence = "The pinned schedule diverged at choice " + (position + 1) + " (" + why
          + "): the code changed since the token was recorded; the schedule was completed"
          + " deterministically.";
    }
    for (int i = 0; i < count; i++) {
      if (options[i] == current) return i;
    }
    return 0;
  }

  /** How many choices past its token a strict replay may keep the running thread. */
  private int overrunAllowance() {
    return Math.max(10_000, 4 * recorded.length);
  }

  /**
   * Null, or why this strict replay ran past its token's choices (the running thread kept going):
   * a divergence unless the schedule ended in the failure a recursion that runs deeper shows.
   */
  public String overran() {
    return overran;
  }

  /** Recorded choices this schedule did not use. */
  public int unused() {
    return Math.max(0, recorded.length - next);
  }

  public int total() {
    return recorded.length;
  }

  @Override
  public String note() {
    return divergence;
  }

  private static String names(ThreadView[] options, int count) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      if (i > 0) b.append(", ");
      b.append(options[i].displayName());
    }
    return b.append(']').toString();
  }

  /** A strict replay no longer matches the code. */
  public static final class Divergence extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Divergence(int choice, String why) {
      super("choice " + choice + ": " + why, null, false, false);
    }
  }
}
