package dev.baton.instrument;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether this JVM lets {@link MonitorAdapter} keep real monitors in rewritten code (a thread's own
 * token, locked where the model took the monitor). A managed thread holding a real monitor while
 * it waits for the baton is harmless for a platform thread; a virtual thread doing so on JDK 19 to
 * 23 pins its carrier, and with every carrier pinned the thread handed the baton could not run. JDK
 * 24 unmounts a virtual thread that holds monitors (JEP 491), except in the legacy locking mode
 * (on 24 and 25, where the mode cannot be read, tokens are not used).
 * Where tokens are not safe, monitors get the conditional rewrite (slower: the JIT compiles none
 * of those methods).
 *
 * <p>{@code -Dbaton.internal.monitorTokens=true} or {@code =false} decides instead, for tests (a
 * JVM that runs no virtual thread may use tokens on any JDK) and as a way out should tokens ever
 * misbehave. Not a user setting, like {@link PointRules}' properties.
 */
final class TokenLocking {
  static final String PROPERTY = "baton.internal.monitorTokens";

  static final boolean SAFE = System.getProperty(PROPERTY) != null
      ? Boolean.getBoolean(PROPERTY) : safe(Runtime.version().feature());

  private TokenLocking() {}

  /** {@link #SAFE}, decided on the first call. */
  static boolean decide() {
    return SAFE;
  }

  /**
   * Whether tokens are safe on this JVM, of {@code feature} release. Only from JDK 24 on does the
   * answer depend on the locking mode, and only then is it read: the management beans take some
   * 40 ms to come up, at every start of a JVM that runs Baton.
   */
  private static boolean safe(int feature) {
    return safeOn(feature, feature >= 24 ? lockingMode() : null);
  }

  /** Whether tokens are safe on a JDK of {@code feature} release in locking mode {@code mode}. */
  static boolean safeOn(int feature, String mode) {
    if (feature < 19) return true; // no virtual threads (19 and 20 have them as a preview)
    if (feature < 24) return false;
    // 24 and 25 still have the legacy mode (1), which pins; unknown there is not safe
    if (feature < 26) return mode != null && !"1".equals(mode);
    return !"1".equals(mode);
  }

  /** HotSpot's {@code LockingMode}, or null where the JVM has none (before 21, after its removal). */
  private static String lockingMode() {
    try {
      return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
          .getVMOption("LockingMode").getValue();
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }
}
