package dev.baton.scheduler;

import dev.baton.InterleavingFailure.Kind;
import java.util.List;

/**
 * What went wrong in a schedule, captured when it was detected (the model changes afterwards).
 *
 * @param kind the kind of failure
 * @param headline one line: what failed
 * @param cause the exception the scenario threw, or null
 * @param blocked for deadlocks and threads left blocked: each blocked thread and what it waits for
 * @param details further text (stacks of threads outside the model, a loop's last steps), or empty
 */
record Failure(Kind kind, String headline, Throwable cause, List<BlockedThread> blocked, String details) {

  static Failure of(Kind kind, String headline) {
    return new Failure(kind, headline, null, List.of(), "");
  }

  /**
   * A thread that cannot proceed.
   *
   * @param thread the thread
   * @param waitKind what kind of thing it waits for
   * @param target the monitor, blocker, or thread ({@link ManagedThread}) it waits for
   * @param holder the thread holding {@code target}, or null
   * @param site the last user-code site it passed
   * @param stack where it waits, without Baton's frames
   */
  record BlockedThread(
      ManagedThread thread,
      ManagedThread.Wait waitKind,
      Object target,
      ManagedThread holder,
      int site,
      StackTraceElement[] stack) {}
}
