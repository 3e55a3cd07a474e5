package dev.baton.strategy;

import org.apiguardian.api.API;

/**
 * A replay that survives edits: follows the token's choices while the recorded thread can run and,
 * from the first choice where it cannot (or when the choices run out), lets another policy choose
 * for the rest of the schedule. Every schedule of a lenient replay follows the same prefix; only
 * what comes after the divergence varies.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LenientReplayPolicy implements SchedulePolicy {
  private final int[] recorded;
  private final SchedulePolicy continuation;
  private int next;
  /** The 1-based choice at which this schedule left the token, or 0 while it follows it. */
  private int divergedAt;
  private int firstDivergence;

  public LenientReplayPolicy(int[] recorded, SchedulePolicy continuation) {
    this.recorded = recorded;
    this.continuation = continuation;
  }

  @Override
  public void beginSchedule(int index) {
    next = 0;
    divergedAt = 0;
    continuation.beginSchedule(index);
  }

  @Override
  public int pickThread(
      ThreadView[] options, int enabled, int wakeable, ThreadView current, int step) {
    int i = follow(options, enabled + wakeable);
    return i >= 0 ? i : continuation.pickThread(options, enabled, wakeable, current, step);
  }

  @Override
  public int pickWaiter(ThreadView[] waiters, int count) {
    int i = follow(waiters, count);
    return i >= 0 ? i : continuation.pickWaiter(waiters, count);
  }

  /** The recorded choice while the schedule still follows the token, else -1. */
  private int follow(ThreadView[] options, int count) {
    int position = next++;
    if (divergedAt == 0 && position < recorded.length) {
      for (int i = 0; i < count; i++) {
        if (options[i].id == recorded[position]) return i;
      }
    }
    if (divergedAt == 0) {
      divergedAt = position + 1;
      if (firstDivergence == 0) firstDivergence = divergedAt;
    }
    return -1;
  }

  @Override
  public void endSchedule(int steps) {
    continuation.endSchedule(steps);
  }

  /** Every schedule follows the token's prefix: never split. */
  @Override
  public boolean splittable() {
    return false;
  }

  /** The policy that chooses after the token stopped applying. */
  @Override
  public String name() {
    return continuation.name();
  }

  /** Whether the schedule that just ran left the token, or used fewer choices than it has. */
  public boolean diverged() {
    return divergedAt > 0 || next < recorded.length;
  }

  /** Where the schedule that just ran left the token: a sentence, or empty. */
  String divergence() {
    if (divergedAt > recorded.length) {
      return "it followed all " + recorded.length + " of the token's choices, and the program went"
          + " on to make more";
    }
    if (divergedAt > 0) {
      return "it followed the token's choices up to choice " + (divergedAt - 1) + " of "
          + recorded.length + "; the code no longer offered the recorded thread at choice "
          + divergedAt;
    }
    if (next < recorded.length) {
      return "the schedule ended after " + next + " of the token's " + recorded.length
          + " choices";
    }
    return "";
  }
}
