package dev.baton.scheduler;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Whether the thread holding the baton is busy loading or initialising classes, and still using
 * the CPU: the first schedule of a heavy library defines and initialises thousands of classes,
 * and inside a static initialiser no step counts, so on a slow machine the watchdog would take that
 * work for a thread gone outside Baton's control. Such a thread gets {@link #FACTOR} times the
 * watchdog's limit; a thread that waits (for another thread's class initialisation, say) uses no
 * CPU and gets none, so a real hang is reported as late as before.
 */
final class ClassWork {
  /** How many watchdog limits a thread busy with classes may take between two steps. */
  static final int FACTOR = 6;

  private static final ThreadMXBean THREADS = threads();

  private long lastCpu = -1;

  /**
   * Whether {@code t} is loading or initialising classes and used CPU since the previous call;
   * called at every poll of a stalled schedule (the first call has nothing to compare with).
   */
  boolean busy(ManagedThread t) {
    if (t == null || t.terminated || THREADS == null
        || t.thread.getState() != Thread.State.RUNNABLE
        || !inClassWork(t.thread.getStackTrace())) {
      lastCpu = -1;
      return false;
    }
    long cpu = THREADS.getThreadCpuTime(t.thread.getId());
    boolean progressed = lastCpu >= 0 && cpu > lastCpu;
    lastCpu = cpu;
    return progressed;
  }

  /** The schedule moved on: the next stall starts afresh. */
  void reset() {
    lastCpu = -1;
  }

  static boolean inClassWork(StackTraceElement[] stack) {
    for (StackTraceElement e : stack) {
      String m = e.getMethodName();
      if (m.equals("<clinit>")) return true;
      if ((m.equals("loadClass") || m.equals("findClass") || m.startsWith("defineClass"))
          && e.getClassName().contains("ClassLoader")) {
        return true;
      }
    }
    return false;
  }

  private static ThreadMXBean threads() {
    try {
      ThreadMXBean bean = ManagementFactory.getThreadMXBean();
      if (!bean.isThreadCpuTimeSupported()) return null;
      if (!bean.isThreadCpuTimeEnabled()) bean.setThreadCpuTimeEnabled(true);
      return bean;
    } catch (RuntimeException | LinkageError noManagement) {
      return null; // no way to tell: the watchdog keeps its limit
    }
  }
}
