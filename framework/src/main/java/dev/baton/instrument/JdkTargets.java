package dev.baton.instrument;

import java.util.Set;

/**
 * The JDK classes and methods Baton rewrites, named once: {@link JdkTransformer} selects the rules
 * of a class from them, {@link BatonAgent} the loaded classes to retransform.
 */
final class JdkTargets {
  static final String LOCK_SUPPORT = "java/util/concurrent/locks/LockSupport";
  static final String THREAD = "java/lang/Thread";
  /** JDK 21+: starts and ends without {@code Thread.start()}'s and {@code Thread.exit()}'s code. */
  static final String VIRTUAL_THREAD = "java/lang/VirtualThread";
  /** Overrides {@code Thread.run()}: where a pool worker's life begins. */
  static final String FORK_JOIN_WORKER = "java/util/concurrent/ForkJoinWorkerThread";
  static final String FORK_JOIN_POOL = "java/util/concurrent/ForkJoinPool";
  static final String CONCURRENT = "java/util/concurrent/";
  static final String UTIL = "java/util/";

  /** Where {@code Instant.now()} and every system clock of {@code java.time} read the time. */
  static final String CLOCK = "java/time/Clock";

  /** JDK classes outside {@code java.util.concurrent} whose clock reads user code reaches. */
  static final Set<String> CLOCK_CLASSES =
      Set.of(CLOCK, "java/time/Clock$SystemClock", "java/util/Date");

  /** Classes with a hook at the entry (or exit) of some of their methods: see {@link EntryHooks}. */
  static final Set<String> ENTRY_HOOKED =
      Set.of(LOCK_SUPPORT, THREAD, CLOCK, VIRTUAL_THREAD, FORK_JOIN_WORKER);

  /** Methods that must be found and rewritten, as {@code owner.nameDesc}. */
  static final Set<String> REQUIRED =
      Set.of(
          LOCK_SUPPORT + ".park()V",
          LOCK_SUPPORT + ".park(Ljava/lang/Object;)V",
          LOCK_SUPPORT + ".parkNanos(J)V",
          LOCK_SUPPORT + ".parkNanos(Ljava/lang/Object;J)V",
          LOCK_SUPPORT + ".parkUntil(J)V",
          LOCK_SUPPORT + ".parkUntil(Ljava/lang/Object;J)V",
          LOCK_SUPPORT + ".unpark(Ljava/lang/Thread;)V",
          THREAD + ".start()V",
          THREAD + ".exit()V",
          THREAD + ".run()V",
          FORK_JOIN_WORKER + ".run()V",
          CLOCK + ".currentInstant()Ljava/time/Instant;");

  private JdkTargets() {}

  /**
   * Classes of the {@code java.util} package itself (not its subpackages): collections and their
   * views and iterators, {@code Observable}, {@code Timer} with its thread, queue and tasks. Their
   * objects are made and shared by the scenario, so the monitors their code takes, and the waits
   * and notifications on them, are modelled like user code's (see {@link JdkMonitorAdapter}).
   */
  static boolean mayRewriteMonitors(String className) {
    return className.startsWith(UTIL) && className.indexOf('/', UTIL.length()) < 0;
  }

  /**
   * Classes whose waits, sleeps and joins are made for their callers, on the callers' objects and
   * threads ({@code TimeUnit.sleep}, {@code timedJoin}, {@code timedWait}; {@code Timer}'s queue):
   * these calls go to the hooks user code's go to ({@link JdkBlockingCallsAdapter}). Beyond these
   * packages the JDK waits on its own objects only (reference queues, processes).
   */
  static boolean mayRewriteBlockingCalls(String className) {
    return mayRewriteMonitors(className)
        || className.startsWith(CONCURRENT) && !LOCK_SUPPORT.equals(className);
  }

  /** Whether the class's code calls the pool and park hooks of {@code java.util.concurrent}. */
  static boolean rewritesPoolAndPark(String className) {
    // Only java.util.concurrent's own parking goes through LockSupport: VirtualThread parks
    // its carrier with Unsafe, and LockSupport would send a virtual thread back to it.
    return className.startsWith(CONCURRENT) && !LOCK_SUPPORT.equals(className);
  }
}
