package dev.baton.scheduler;

import java.util.Arrays;

/**
 * The steps of one schedule in execution order, kept as parallel arrays so that recording a step
 * costs a few array stores. Turned into text only when the schedule fails.
 *
 * <p>Memory stays flat over a long schedule: past {@link #HEAD} + {@link #TAIL} steps, only the
 * first {@link #HEAD} and the last {@link #TAIL} are kept (the tail shows a loop's folded cycle);
 * {@link #size}, the sites passed and the count of thread changes still cover every step.
 */
final class Trace {
  /** The step is the instrumented instruction {@code site}. */
  static final int SITE = 0;
  /** The thread started the thread in {@code object} (a {@link ManagedThread}). */
  static final int START = 1;
  /** The thread finished. */
  static final int END = 2;
  /** The thread parked in {@code LockSupport} on the blocker in {@code object}. */
  static final int PARK = 3;
  /** The thread unparked the thread in {@code object}. */
  static final int UNPARK = 4;
  /** A timed wait of the thread timed out. */
  static final int TIMEOUT = 5;
  /**
   * The other threads were paused for {@code object} nanoseconds (a {@link Long}) of virtual time,
   * so that the thread's timed wait timed out first.
   */
  static final int PAUSE = 6;
  /** The thread woke up from its wait without a notification. */
  static final int SPURIOUS = 7;


  /** How the baton left a thread after a step: no switch there, or one of the three below. */
  static final byte NO_SWITCH = 0;
  /** The thread could have gone on but the strategy picked another one: a preemption. */
  static final byte PREEMPTED = 1;
  /** The thread could not go on (it blocked or ended), so another one ran. */
  static final byte BLOCKED = 2;
  /** The thread gave way on purpose (sleep, yield, a spin wait, the fairness bound). */
  static final byte YIELDED = 3;

  /** Steps kept from the start of a long schedule (its setup). */
  static final int HEAD = 10_000;

  /** Steps kept from the end of a long schedule, where it fails; the middle is dropped. */
  static final int TAIL = 100_000;

  /** Per kept step, in storage order: the head, then a ring of the tail (see {@link #at}). */
  int[] threads = new int[256];
  int[] sites = new int[256];
  int[] kinds = new int[256];
  Object[] objects = new Object[256];
  /** Per step, how the baton left its thread right after it (for the HTML timeline). */
  byte[] switches = new byte[256];
  /** Steps recorded, kept or not. */
  int size;

  /** Every site a step passed, kept or not (for coverage). */
  final java.util.BitSet sitesPassed = new java.util.BitSet();
  /** Steps whose thread differs from the step before's, kept or not (for coverage). */
  int threadChanges;

  /** Set when the schedule ends: threads still unwinding or released add nothing. */
  private volatile boolean frozen;

  void freeze() {
    frozen = true;
  }

  void add(int thread, int site, int kind, Object object) {
    if (frozen) return;
    if (size > 0 && threads[last()] != thread) threadChanges++;
    if (kind == SITE && site >= 0) sitesPassed.set(site);
    int at = storageOf(size);
    if (at == threads.length) {
      int n = Math.min(at * 2, HEAD + TAIL);
      threads = Arrays.copyOf(threads, n);
      sites = Arrays.copyOf(sites, n);
      kinds = Arrays.copyOf(kinds, n);
      objects = Arrays.copyOf(objects, n);
      switches = Arrays.copyOf(switches, n);
    }
    threads[at] = thread;
    sites[at] = site;
    kinds[at] = kind;
    objects[at] = object;
    switches[at] = NO_SWITCH;
    size++;
  }

  /** Steps kept: all of a short schedule, the first {@link #HEAD} and last {@link #TAIL} of a long one. */
  int kept() {
    return Math.min(size, HEAD + TAIL);
  }

  /** Steps dropped between the head and the tail. */
  int dropped() {
    return size - kept();
  }

  /** Where the {@code i}-th kept step (0-based, in execution order) is stored. */
  int at(int i) {
    return i < HEAD ? i : storageOf(i + dropped());
  }

  /** Where step {@code step} (0-based) is stored, if it is kept. */
  private static int storageOf(int step) {
    return step < HEAD ? step : HEAD + (step - HEAD) % TAIL;
  }

  private int last() {
    return storageOf(size - 1);
  }

  /**
   * Notes how the baton left {@code thread} after its latest step ({@link #PREEMPTED}, {@link
   * #BLOCKED} or {@link #YIELDED}); a no-op when the latest step is another thread's.
   */
  void markSwitch(int thread, byte how) {
    if (frozen || size == 0 || threads[last()] != thread) return;
    switches[last()] = how;
  }

  /** Sets the site of the last START step of {@code thread}, if it has none yet. */
  void attachStartSite(int thread, int site) {
    for (int k = kept() - 1; k >= 0; k--) {
      int i = at(k);
      if (threads[i] == thread && kinds[i] == START) {
        if (sites[i] < 0) sites[i] = site;
        return;
      }
    }
  }
}
