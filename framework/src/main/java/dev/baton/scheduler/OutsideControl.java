package dev.baton.scheduler;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Why a thread left Baton's control, read from its stack: the sentence the watchdog's failure
 * names first, so that a person sees "class initialisation of X, run by T" or "Object.wait inside
 * JDK class Y" instead of a generic "blocked or busy".
 */
final class OutsideControl {
  private static final String INIT = "<clinit>";

  private OutsideControl() {}

  /**
   * The reason {@code thread}, whose stack is {@code stack} (top first), makes no progress.
   *
   * @param others the stacks of the schedule's other threads, by display name: a thread inside a
   *     static initialiser explains one that waits for that class
   * @param managedName the schedule's name of a thread by its JVM id, null for one it does not
   *     manage: a monitor's holder is named as reports name it
   */
  static String reason(Thread thread, StackTraceElement[] stack,
      Map<String, StackTraceElement[]> others, LongFunction<String> managedName) {
    for (Map.Entry<String, StackTraceElement[]> other : others.entrySet()) {
      String initialised = initialising(other.getValue());
      if (initialised != null && !inside(stack, initialised)) {
        return "it probably waits for the initialisation of class " + initialised + ", which "
            + other.getKey() + " is running (paused inside its static initialiser)";
      }
    }
    String initialised = initialising(stack);
    StackTraceElement top = firstNonInternal(stack);
    if (top == null) return "no stack to read";
    String where = top.getClassName() + "." + top.getMethodName();
    String state = thread.getState().name();
    if (isWait(top)) {
      StackTraceElement caller = callerOf(stack, top);
      String in = caller == null ? "" : caller.getClassName();
      return "it is in Object.wait inside " + (isJdk(in) ? "JDK class " : "uninstrumented class ")
          + in + (caller == null ? "" : " (" + caller.getMethodName() + ")")
          + ", whose waits Baton does not model";
    }
    if (isPark(top)) return "it is parked outside Baton's model, in " + where;
    if (thread.getState() == Thread.State.BLOCKED) {
      return "it is blocked on a monitor of uninstrumented code in " + where
          + lockOwner(thread, managedName);
    }
    if (top.isNativeMethod()) {
      return "it is in native code, " + where
          + (looksLikeIo(top.getClassName()) ? " (I/O)" : "");
    }
    if (initialised != null) {
      return "it is running the static initialiser of class " + initialised + " (state " + state
          + ", at " + where + ")";
    }
    return "it is " + state.toLowerCase(java.util.Locale.ROOT) + " in " + where
        + " (a long computation, or a loop in uninstrumented code)";
  }

  /** The class whose static initialiser {@code stack} runs, or null. */
  static String initialising(StackTraceElement[] stack) {
    for (StackTraceElement e : stack) {
      if (INIT.equals(e.getMethodName())) return e.getClassName();
    }
    return null;
  }

  private static boolean inside(StackTraceElement[] stack, String className) {
    for (StackTraceElement e : stack) {
      if (INIT.equals(e.getMethodName()) && e.getClassName().equals(className)) return true;
    }
    return false;
  }

  /** The top frame that is not the JVM's own plumbing of a wait or park. */
  private static StackTraceElement firstNonInternal(StackTraceElement[] stack) {
    for (StackTraceElement e : stack) {
      String c = e.getClassName();
      if (c.startsWith("jdk.internal.misc.") && !e.getMethodName().equals("park")) continue;
      return e;
    }
    return stack.length == 0 ? null : stack[0];
  }

  private static boolean isWait(StackTraceElement e) {
    return e.getClassName().equals("java.lang.Object") && e.getMethodName().startsWith("wait");
  }

  private static boolean isPark(StackTraceElement e) {
    return e.getMethodName().equals("park")
        && (e.getClassName().equals("jdk.internal.misc.Unsafe")
            || e.getClassName().equals("java.util.concurrent.locks.LockSupport"));
  }

  private static StackTraceElement callerOf(StackTraceElement[] stack, StackTraceElement frame) {
    for (int i = 0; i < stack.length - 1; i++) {
      if (stack[i] == frame) {
        for (int j = i + 1; j < stack.length; j++) {
          if (!isWait(stack[j])) return stack[j];
        }
      }
    }
    return null;
  }

  static boolean isJdk(String className) {
    return className.startsWith("java.") || className.startsWith("javax.")
        || className.startsWith("jdk.") || className.startsWith("sun.")
        || className.startsWith("com.sun.");
  }

  private static boolean looksLikeIo(String className) {
    String c = className.toLowerCase(java.util.Locale.ROOT);
    return c.contains("socket") || c.contains(".nio.") || c.contains("file") || c.contains("stream")
        || c.startsWith("sun.nio.ch") || c.contains("console");
  }

  private static String lockOwner(Thread thread, LongFunction<String> managedName) {
    try {
      ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId());
      if (info == null || info.getLockOwnerName() == null) return "";
      String managed = managedName.apply(info.getLockOwnerId());
      if (managed == null) return ", held by thread " + info.getLockOwnerName();
      // The holder waits in the model, for this thread perhaps: then no time is enough.
      return ", held by " + managed + " (a thread of this schedule: if it waits for this one,"
          + " it is a deadlock through a monitor Baton does not model)";
    } catch (RuntimeException | LinkageError noManagement) {
      return "";
    }
  }
}
