package dev.baton.scheduler;

import dev.baton.instrument.InstrumentingClassLoader;
import java.util.stream.Stream;

/**
 * What a started thread runs, told from its class and its task before it runs anything, so that
 * neither answer depends on how far the thread got: whether its body begins with a hook, and
 * whether JDK code runs around the user's steps in it.
 *
 * <p>A thread's body is the {@code run()} of the most derived class that declares one. {@code
 * Thread.run()} and {@code ForkJoinWorkerThread.run()} begin with a hook (Baton's agent puts one
 * there), and so does the {@code run()} of a {@code Thread} subclass of the scenario's (its loader
 * puts one there); another JDK class that overrides {@code run()} (a timer's thread) runs code of
 * its own first.
 */
final class ThreadBodies {
  private static final String VIRTUAL_THREAD = "java.lang.VirtualThread";
  private static final String FORK_JOIN_WORKER = "java.util.concurrent.ForkJoinWorkerThread";
  private static final String THREAD_START = "java.lang.Thread.start";
  private static final StackWalker STACK = StackWalker.getInstance();

  /**
   * The class whose {@code run()} a thread of the key class runs, or null when a class on the way
   * cannot tell its methods (one of their signatures names a class that cannot be loaded).
   */
  private static final ClassValue<Class<?>> BODY =
      new ClassValue<>() {
        @Override
        protected Class<?> computeValue(Class<?> type) {
          try {
            for (Class<?> c = type; c != null && c != Thread.class; c = c.getSuperclass()) {
              if (declaresRun(c)) return c;
            }
            return Thread.class;
          } catch (LinkageError unresolvable) {
            return null;
          }
        }
      };

  private ThreadBodies() {}

  /**
   * Whether {@code thread}'s first instruction once started is a hook: nothing it does before
   * that hook can change the schedule, so its starter need not wait for it to get there (see
   * {@link ManagedThread#onItsWay}). A virtual thread's body runs on a carrier: not this one.
   */
  static boolean startsAtAHook(Thread thread) {
    if (thread.getClass().getName().equals(VIRTUAL_THREAD)) return false;
    Class<?> body = BODY.get(thread.getClass());
    return body != null && (body == Thread.class || body.getName().equals(FORK_JOIN_WORKER)
        || body.getClassLoader() instanceof InstrumentingClassLoader);
  }

  /**
   * Whether JDK code runs around the user's steps in {@code thread}: a virtual thread, a JDK
   * thread class with a body of its own (a fork-join worker, a timer's thread), or a plain thread
   * whose task is the JDK's (a pool's worker, a {@code FutureTask}) or that the JDK started (a
   * pool whose thread factory wraps its worker in a task of the user's). Asked as the thread
   * registers, in the thread that starts it.
   */
  static boolean runByTheJdk(Thread thread) {
    if (thread.getClass().getName().equals(VIRTUAL_THREAD)) return true;
    Class<?> body = BODY.get(thread.getClass());
    if (body == null) return true; // unknown: the safe answer for the reduction
    if (body != Thread.class) return isJdk(body);
    Class<?> task = ThreadKinds.taskOf(thread);
    return task != null && isJdk(task) || startedByTheJdk();
  }

  /**
   * Whether the code that called {@code Thread.start()} in the calling thread is the JDK's: a pool
   * adding a worker through a thread factory of the user's, whose task may wrap the JDK's.
   */
  private static boolean startedByTheJdk() {
    return STACK.walk(frames ->
        callerOfStartIsJdk(frames.limit(64).map(f -> f.getClassName() + "." + f.getMethodName())));
  }

  /**
   * Whether the caller of the outermost {@code Thread.start} in {@code frames} (innermost first,
   * each {@code class.method}) is the JDK's; false when there is none.
   */
  static boolean callerOfStartIsJdk(Stream<String> frames) {
    return frames
        .dropWhile(f -> !f.equals(THREAD_START))
        .dropWhile(THREAD_START::equals)
        .findFirst()
        .map(ThreadBodies::isJdk)
        .orElse(false);
  }

  private static boolean isJdk(Class<?> c) {
    return isJdk(c.getName());
  }

  private static boolean isJdk(String name) {
    return name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.");
  }

  private static boolean declaresRun(Class<?> c) {
    try {
      c.getDeclaredMethod("run");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
