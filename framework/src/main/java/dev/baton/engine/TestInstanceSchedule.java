package dev.baton.engine;

import dev.baton.scheduler.ScheduleBody;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * One schedule of a test method: a fresh instance of the (instrumented) test class, its before
 * methods, the test method, then its after methods whatever happened before them.
 *
 * <p>The first failure is what the schedule throws, unwrapped from reflection so that the
 * scenario's own exception is reported; failures of later after methods are added to it as
 * suppressed. A failing before method skips the test method but not the after methods.
 */
final class TestInstanceSchedule implements ScheduleBody {
  private final Constructor<?> constructor;
  private final List<Method> befores;
  private final Method testMethod;
  private final List<Method> afters;

  /** All members must belong to the class loader the schedule runs, and be made accessible. */
  TestInstanceSchedule(
      Constructor<?> constructor, List<Method> befores, Method testMethod, List<Method> afters) {
    this.constructor = constructor;
    this.befores = List.copyOf(befores);
    this.testMethod = testMethod;
    this.afters = List.copyOf(afters);
  }

  @Override
  public void run() throws Throwable {
    Object instance;
    try {
      instance = constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    Throwable failure = null;
    try {
      for (Method before : befores) {
        invoke(before, instance);
      }
      invoke(testMethod, instance);
    } catch (Throwable t) {
      failure = t;
    } finally {
      for (Method after : afters) {
        try {
          invoke(after, instance);
        } catch (Throwable t) {
          if (failure == null) {
            failure = t;
          } else if (failure != t) {
            failure.addSuppressed(t);
          }
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void invoke(Method method, Object instance) throws Throwable {
    try {
      method.invoke(instance);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
