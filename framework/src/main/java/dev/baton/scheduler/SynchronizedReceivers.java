package dev.baton.scheduler;

import java.lang.reflect.Field;
import java.util.Hashtable;
import java.util.Vector;

/**
 * What a call into a JDK collection locks. Collections that synchronize on a monitor for every call: {@code Hashtable} and {@code
 * Vector} on themselves, the {@code Collections.synchronized*} wrappers on their mutex (themselves
 * unless given one). Baton takes that monitor in the model around calls to them, so that a user's
 * {@code synchronized (list)} around an iteration excludes another thread's {@code list.add}.
 */
final class SynchronizedReceivers {
  private static final Class<?> SYNCHRONIZED_COLLECTION = type("java.util.Collections$SynchronizedCollection");
  private static final Class<?> SYNCHRONIZED_MAP = type("java.util.Collections$SynchronizedMap");
  private static final Field COLLECTION_MUTEX = mutex(SYNCHRONIZED_COLLECTION);
  private static final Field MAP_MUTEX = mutex(SYNCHRONIZED_MAP);

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

  /** The monitor a call on {@code receiver} locks, or null. */
  static Object monitorOf(Object receiver) {
    if (receiver == null) return null;
    if (receiver instanceof Hashtable || receiver instanceof Vector) return receiver;
    if (SYNCHRONIZED_COLLECTION != null && SYNCHRONIZED_COLLECTION.isInstance(receiver)) {
      return read(COLLECTION_MUTEX, receiver);
    }
    if (SYNCHRONIZED_MAP != null && SYNCHRONIZED_MAP.isInstance(receiver)) {
      return read(MAP_MUTEX, receiver);
    }
    return null;
  }

  private static Object read(Field mutex, Object receiver) {
    if (mutex == null) return receiver;
    try {
      return mutex.get(receiver);
    } catch (IllegalAccessException e) {
      return receiver;
    }
  }

  private static Class<?> type(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  /** The wrapper's {@code mutex} field; readable once the agent opened java.util to Baton. */
  private static Field mutex(Class<?> wrapper) {
    if (wrapper == null) return null;
    try {
      Field f = wrapper.getDeclaredField("mutex");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // without access, the wrapper itself (the default mutex) is used
    }
  }
}
