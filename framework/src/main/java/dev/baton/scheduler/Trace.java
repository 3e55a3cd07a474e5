package dev.baton.scheduler;

import java.util.Arrays;

/**
 * The steps of one schedule in execution order, kept as parallel arrays so that recording a step
 * costs a few array stores. Turned into text only when the schedule fails.
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

  int[] threads = new int[256];
  int[] sites = new int[256];
  int[] kinds = new int[256];
  Object[] objects = new Object[256];
  /** Per step, how the baton left its thread right after it (for the HTML timeline). */
  byte[] switches = new byte[256];
  int size;

  /** Set when the schedule ends: threads still unwinding or released add nothing. */
  private volatile boolean frozen;

  void freeze() {
    frozen = true;
  }

  void add(int thread, int site, int kind, Object object) {
    if (frozen) return;
    if (size == threads.length) {
      int n = size * 2;
      threads = Arrays.copyOf(threads, n);
      sites = Arrays.copyOf(sites, n);
      kinds = Arrays.copyOf(kinds, n);
      objects = Arrays.copyOf(objects, n);
      switches = Arrays.copyOf(switches, n);
    }
    threads[size] = thread;
    sites[size] = site;
    kinds[size] = kind;
    objects[size] = object;
    size++;
  }

  /**
   * Notes how the baton left {@code thread} after its latest step ({@link #PREEMPTED}, {@link
   * #BLOCKED} or {@link #YIELDED}); a no-op when the latest step is another thread's.
   */
  void markSwitch(int thread, byte how) {
    if (frozen || size == 0 || threads[size - 1] != thread) return;
    switches[size - 1] = how;
  }

  /** Sets the site of the last START step of {@code thread}, if it has none yet. */
  void attachStartSite(int thread, int site) {
    for (int i = size - 1; i >= 0; i--) {
      if (threads[i] == thread && kinds[i] == START) {
        if (sites[i] < 0) sites[i] = site;
        return;
      }
    }
  }
}
