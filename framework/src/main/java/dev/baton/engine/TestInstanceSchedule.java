package dev.baton.engine;

import dev.baton.scheduler.ScenarioLoader;
import dev.baton.scheduler.ScheduleBody;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The schedules of a test method: each one a fresh instance of the (instrumented) test class, its
 * before methods, the test method, then its after methods whatever happened before them.
 *
 * <p>The first failure is what the schedule throws, unwrapped from reflection so that the
 * scenario's own exception is reported; failures of later after methods are added to it as
 * suppressed. A failing before method skips the test method but not the after methods.
 *
 * <p>The first schedule runs the members resolved up front (so that a problem shows before
 * exploring). With fresh statics, a later schedule resolves them again in a new class loader as
 * soon as the loader so far has defined a class with static state: the {@link ScenarioLoader}'s
 * rule, which {@code Interleavings} follows too.
 */
final class TestInstanceSchedule implements ScheduleBody {
  private final ScenarioLoader<Members> schedules;

  /** Where the members of a later schedule come from: a new class loader each time. */
  @FunctionalInterface
  interface MembersSource extends ScenarioLoader.Reload<Members> {}

  /** What one schedule runs, all defined by {@code loader} and made accessible. */
  record Members(
      ClassLoader loader,
      Constructor<?> constructor,
      List<Method> befores,
      Method testMethod,
      List<Method> afters) implements ScenarioLoader.Loaded {

    @Override
    public void run() throws Throwable {
      runOnce(this);
    }
  }

  TestInstanceSchedule(Members first, MembersSource later) {
    this.schedules = new ScenarioLoader<>(first, later);
  }

  @Override
  public void run() throws Throwable {
    schedules.run();
  }

  private static void runOnce(Members members) throws Throwable {
    Object instance;
    try {
      instance = members.constructor().newInstance();
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    Throwable failure = null;
    try {
      for (Method before : members.befores()) {
        invoke(before, instance);
      }
      invoke(members.testMethod(), instance);
    } catch (Throwable t) {
      failure = t;
    } finally {
      for (Method after : members.afters()) {
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
