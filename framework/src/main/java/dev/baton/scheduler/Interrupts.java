package dev.baton.scheduler;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Sets a thread's interrupt status again after the scheduler set it aside, without calling an
 * {@code interrupt()} override of a {@code Thread} subclass a second time.
 */
final class Interrupts {
  private static final MethodHandle THREAD_INTERRUPT = threadInterrupt();

  private Interrupts() {}

  static void raise(Thread thread) {
    if (THREAD_INTERRUPT == null) {
      thread.interrupt();
      return;
    }
    try {
      THREAD_INTERRUPT.invokeExact(thread);
    } catch (Throwable t) {
      thread.interrupt();
    }
  }

  /** {@code Thread.interrupt} itself, bound with invokespecial; needs java.lang open to Baton. */
  private static MethodHandle threadInterrupt() {
    try {
      return MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup())
          .findSpecial(Thread.class, "interrupt", MethodType.methodType(void.class), Thread.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
