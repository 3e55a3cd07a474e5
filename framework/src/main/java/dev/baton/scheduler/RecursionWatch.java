package dev.baton.scheduler;

import dev.baton.InterleavingFailure.Kind;
import java.util.Arrays;
import java.util.List;

/**
 * Lets a recursing thread keep the baton, and reports a recursion that does not end.
 *
 * <p>The fairness bound makes a thread that ran {@link Scheduler#FAIRNESS_BOUND} steps in a row
 * give way, so that a spin loop cannot starve the thread it waits for. A thread whose stack keeps
 * growing is not spinning: it recurses, and in production it may recurse while another thread is
 * preempted between two writes until its stack overflows. Such a thread is not made to give way
 * (the strategy may still preempt it); its stack depth is measured only during long runs, at half
 * the bound and at each multiple of it. Past {@link #MAX_DEPTH} frames it is reported as runaway
 * recursion, with the frames that repeat. On a default-sized stack the recursion overflows first,
 * and that {@link StackOverflowError} is reported as runaway recursion too ({@link
 * ThreadLifecycle#threadFailed}): a finite recursion deeper than some fixed bound is legal.
 */
final class RecursionWatch {
  /**
   * Frames on a thread's stack past which its recursion counts as runaway: more than a default
   * JVM stack holds, so only a thread with a very large stack ({@code -Xss}) is stopped here.
   */
  static final int MAX_DEPTH = 50_000;

  /** Frames a stack must have grown by since the last measure to count as recursing deeper. */
  static final int GROWTH = 16;

  private static final StackWalker WALKER = StackWalker.getInstance();

  /** Per thread id: the depth at the last measure, and whether it was deeper than the one before. */
  private int[] depths = new int[4];
  private boolean[] deepening = new boolean[4];

  /** Measures {@code me}'s depth at the start of a long run ({@code runLength} half the bound). */
  void mark(ManagedThread me) {
    grow(me.id);
    depths[me.id] = depth();
    deepening[me.id] = false;
  }

  /**
   * Whether {@code me}, past the fairness bound by {@code runLength} steps in a row, recurses
   * deeper; measured again at each multiple of the bound.
   *
   * @return null, or the failure when its stack passed {@link #MAX_DEPTH}
   */
  Failure check(ManagedThread me, int runLength) {
    grow(me.id);
    if (runLength % Scheduler.FAIRNESS_BOUND != 0) return null;
    int depth = depth();
    deepening[me.id] = depth >= depths[me.id] + GROWTH;
    depths[me.id] = depth;
    return depth > MAX_DEPTH ? runaway(me, depth) : null;
  }

  /** What {@link #check} found last for {@code me}. */
  boolean deepening(ManagedThread me) {
    return me.id < deepening.length && deepening[me.id];
  }

  private static int depth() {
    return (int) (long) WALKER.walk(frames -> frames.count());
  }

  private static Failure runaway(ManagedThread me, int depth) {
    StackTraceElement[] stack = Stacks.ofUser(Thread.currentThread().getStackTrace());
    String cycle = Stacks.recursion(stack);
    StackTraceElement[] top = Arrays.copyOf(stack, Math.min(stack.length, 12));
    return new Failure(Kind.RECURSION,
        "runaway recursion in " + me.displayName() + ": its stack passed " + MAX_DEPTH
            + " frames (" + depth + ") while it kept the baton"
            + (cycle.isEmpty() ? "" : ", recursing through " + cycle),
        null, List.of(),
        "  " + me.displayName() + " was recursing here (top of its stack):\n"
            + Stacks.format(top, "      "));
  }

  private void grow(int id) {
    if (id < depths.length) return;
    depths = Arrays.copyOf(depths, Math.max(id + 1, depths.length * 2));
    deepening = Arrays.copyOf(deepening, depths.length);
  }
}
