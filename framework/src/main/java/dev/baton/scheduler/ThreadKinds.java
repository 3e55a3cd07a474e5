package dev.baton.scheduler;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;

/**
 * Which code a thread was started to run: the class of its task (the {@code Runnable} given to the
 * {@code Thread}, a lambda's class per lambda in the source), or the thread's own class when it
 * overrides {@code run}. Threads of one kind are the same worker started many times; a policy that
 * picks among kinds before threads gives the one odd thread (a checker among 99 writers) a fair
 * chance. Kinds are numbered per schedule in the order threads register, so they are the same in
 * every run.
 */
final class ThreadKinds {
  /** {@code Thread.target} (JDK 17 to 18), or {@code Thread.holder.task} (JDK 19 and later). */
  private static final MethodHandle TASK = taskReader();

  private final Map<Class<?>, Integer> ids = new HashMap<>();

  /** The kind of {@code thread}: a small number, the same for threads that run the same code. */
  int of(Thread thread) {
    return ids.computeIfAbsent(codeOf(thread), c -> ids.size());
  }

  private static Class<?> codeOf(Thread thread) {
    Class<?> task = taskOf(thread);
    return task != null ? task : thread.getClass();
  }

  /** The class of the task {@code thread} was given to run, or null (none, or unreadable). */
  static Class<?> taskOf(Thread thread) {
    if (TASK != null) {
      try {
        Object task = (Object) TASK.invoke(thread);
        if (task != null) return task.getClass();
      } catch (Throwable unreadable) {
        // no task to tell
      }
    }
    return null;
  }

  /** Reads a thread's task through the JDK's private fields (java.lang is open to Baton). */
  private static MethodHandle taskReader() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup());
      try {
        VarHandle target = lookup.findVarHandle(Thread.class, "target", Runnable.class);
        return target.toMethodHandle(VarHandle.AccessMode.GET);
      } catch (NoSuchFieldException newerJdk) {
        Class<?> holderType = Class.forName("java.lang.Thread$FieldHolder");
        MethodHandle holder = lookup.findGetter(Thread.class, "holder", holderType);
        MethodHandle task = MethodHandles.privateLookupIn(holderType, MethodHandles.lookup())
            .findGetter(holderType, "task", Runnable.class);
        return MethodHandles.filterReturnValue(holder, task);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // java.lang not open (no agent): kinds by the thread's class
    }
  }
}
