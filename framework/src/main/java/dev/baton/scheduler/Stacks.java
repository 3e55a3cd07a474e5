package dev.baton.scheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * Stack traces as users should read them in reports: without Baton's own frames (the scheduler,
 * its hooks and the reflection that runs a test), and a stack overflow told by the frames that
 * repeat.
 */
final class Stacks {
  /** Frames of these classes are Baton's machinery, not the user's program. */
  private static final String[] HIDDEN_PREFIXES = {
    "dev.baton.scheduler.", "dev.baton.runtime.", "dev.baton.instrument.", "dev.baton.engine.",
    "dev.baton.Interleavings", "jdk.internal.reflect.", "java.lang.reflect.",
    "java.lang.invoke.", "jdk.internal.misc.Unsafe."
  };

  /** How many frames a report shows of one thread. */
  static final int SHOWN = 12;

  private Stacks() {}

  /**
   * {@code stack} without Baton's frames: everything above the last frame of Baton's scheduler or
   * hooks near the top (how a thread waits for the baton, the same whatever it waits for), Baton's
   * frames below, and the generated classes of lambdas, whose names change from run to run.
   */
  static StackTraceElement[] ofUser(StackTraceElement[] stack) {
    int from = 0;
    for (int i = 0; i < stack.length; i++) {
      String c = stack[i].getClassName();
      if (c.startsWith("dev.baton.scheduler.") || c.startsWith("dev.baton.runtime.")) {
        from = i + 1;
      } else if (!isJdk(c)) {
        break; // the first frame of the user's program: Baton's frames below it are not a prefix
      }
    }
    List<StackTraceElement> kept = new ArrayList<>(stack.length);
    for (int i = from; i < stack.length; i++) {
      StackTraceElement e = stack[i];
      boolean capture = e.getClassName().equals("java.lang.Thread")
          && e.getMethodName().equals("getStackTrace");
      if (!capture && !hidden(e.getClassName()) && !e.getClassName().contains("$$Lambda")) {
        kept.add(e);
      }
    }
    return kept.toArray(new StackTraceElement[0]);
  }

  private static boolean hasUserFrame(StackTraceElement[] stack) {
    for (StackTraceElement e : stack) {
      if (!isJdk(e.getClassName())) return true;
    }
    return false;
  }

  private static boolean isJdk(String className) {
    return className.startsWith("java.") || className.startsWith("jdk.")
        || className.startsWith("sun.");
  }

  private static boolean hidden(String className) {
    for (String prefix : HIDDEN_PREFIXES) {
      if (className.startsWith(prefix)) return true;
    }
    return false;
  }

  /**
   * The frames as report lines, indented, at most {@link #SHOWN} of them. Of the JDK frames on
   * top (how {@code ReentrantLock.lock} parks, say), only the outermost one is shown: the call the
   * program made. A stack of JDK frames only (an idle pool worker, a Timer's thread) is shown
   * whole: its JDK frames are all that tells where the thread waits.
   */
  static String format(StackTraceElement[] stack, String indent) {
    int top = 0;
    while (top + 1 < stack.length && hasUserFrame(stack) && isJdk(stack[top].getClassName())
        && isJdk(stack[top + 1].getClassName())) {
      top++;
    }
    StringBuilder b = new StringBuilder();
    int end = Math.min(stack.length, top + SHOWN);
    for (int i = top; i < end; i++) b.append(indent).append("at ").append(frame(stack[i])).append('\n');
    if (stack.length > end) {
      b.append(indent).append("... ").append(stack.length - end).append(" more\n");
    }
    return b.toString();
  }

  /**
   * The frames a stack overflow repeats, outermost call first, as {@code A.f(A.java:3) -> B.g(B.java:7)};
   * or empty when the top of the stack does not repeat.
   */
  static String recursion(StackTraceElement[] stack) {
    // The shortest period p with which the frames below the top few (the call that overflowed may
    // have been anywhere in its method) repeat three times over.
    for (int offset = 0; offset <= 8; offset++) {
      int limit = Math.min((stack.length - offset) / 3, 64);
      for (int p = 1; p <= limit; p++) {
        if (repeats(stack, offset, p)) {
          StringBuilder b = new StringBuilder();
          for (int i = offset + p - 1; i >= offset; i--) {
            b.append(shortFrame(stack[i]));
            if (i > offset) b.append(" -> ");
          }
          return b.toString();
        }
      }
    }
    return "";
  }

  private static boolean repeats(StackTraceElement[] stack, int offset, int period) {
    for (int i = offset + period; i < offset + period * 3; i++) {
      if (!stack[i].equals(stack[i - period])) return false;
    }
    return true;
  }

  /** One frame as {@code Cache.get(Cache.java:42)}, as the interleaving names locations. */
  static String shortFrame(StackTraceElement e) {
    String full = frame(e);
    String className = e.getClassName();
    return full.substring(className.lastIndexOf('.') + 1);
  }

  /** One frame as {@code com.acme.Cache.get(Cache.java:42)}, without loader and module names. */
  static String frame(StackTraceElement e) {
    String where = e.isNativeMethod()
        ? "Native Method"
        : e.getFileName() == null
            ? "Unknown Source"
            : e.getLineNumber() >= 0 ? e.getFileName() + ":" + e.getLineNumber() : e.getFileName();
    return e.getClassName() + "." + e.getMethodName() + "(" + where + ")";
  }
}
