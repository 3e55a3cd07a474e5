package dev.baton.scheduler;

import java.lang.reflect.Method;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;

/** Reads the owner of {@code java.util.concurrent} locks for deadlock reports. */
final class LockOwners {
  private static final Method OWNER = ownerAccessor();

  private LockOwners() {}

  static Thread ownerOf(Object blocker) {
    if (OWNER == null || !(blocker instanceof AbstractOwnableSynchronizer)) return null;
    try {
      return (Thread) OWNER.invoke(blocker);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  private static Method ownerAccessor() {
    try {
      Method m = AbstractOwnableSynchronizer.class.getDeclaredMethod("getExclusiveOwnerThread");
      m.setAccessible(true);
      return m;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // the agent could not open java.util.concurrent.locks: reports omit owners
    }
  }
}
