package dev.baton.scheduler;

import dev.baton.instrument.CallTargets;
import dev.baton.instrument.JdkSynchronizedMethods;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a call into the JDK locks. A JDK method that holds its receiver's monitor for the whole call
 * ({@code synchronized}: {@code Vector}, {@code Hashtable}, {@code StringBuffer}, {@code
 * Observable}, {@code Properties}...; found generally by {@link JdkSynchronizedMethods} from the
 * method the receiver's class dispatches to) takes that monitor in the model around the call, so
 * that it blocks while another thread holds it, and a user's {@code synchronized (vector)} excludes
 * another thread's {@code vector.add}. Monitors taken by {@code synchronized} blocks inside JDK code
 * (the {@code Collections.synchronized*} wrappers' mutex, {@code Vector}'s iterators, {@code Timer})
 * need nothing here: the agent rewrites those blocks like user code's.
 */
final class SynchronizedReceivers {
  /** Per receiver class: which called methods ({@code name + descriptor}) lock the receiver. */
  private static final ClassValue<Map<String, Boolean>> LOCKING = new ClassValue<>() {
    @Override
    protected Map<String, Boolean> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  private SynchronizedReceivers() {}

  /**
   * Whether a call on {@code receiver} may run user code (an {@code equals}, a {@code
   * computeIfAbsent} function) while the JDK holds a monitor the model does not know of: a
   * {@code ConcurrentHashMap} bin, a {@code CopyOnWriteArrayList}'s lock. Such a call must not be
   * preempted inside, or another thread would block on that monitor in the JVM.
   */
  static boolean locksAroundCallbacks(Object receiver) {
    if (receiver == null) return false;
    String name = receiver.getClass().getName();
    return name.startsWith("java.util.concurrent.ConcurrentHashMap")
        || name.startsWith("java.util.concurrent.CopyOnWriteArray");
  }

  /** The monitor the call at {@code site} on {@code receiver} holds throughout, or null. */
  static Object monitorOf(Object receiver, int site) {
    if (receiver == null) return null;
    String method = CallTargets.of(site);
    if (method == null) return null;
    Class<?> type = receiver.getClass();
    boolean locks = LOCKING.get(type)
        .computeIfAbsent(method, m -> JdkSynchronizedMethods.locksReceiver(type, m));
    return locks ? receiver : null;
  }
}
