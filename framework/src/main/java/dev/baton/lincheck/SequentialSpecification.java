package dev.baton.lincheck;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The spec class as its own sequential specification, Lincheck's default: the class as loaded
 * normally (not instrumented, so checking costs no scheduling points), a fresh instance per
 * replayed order, one operation at a time. Steps of blocking operations run on a {@link
 * SequentialProbe}, so that a step that would wait for ever makes its order impossible instead of
 * blocking the check.
 */
final class SequentialSpecification implements LinearizabilityChecker.SequentialSpec {
  private final Constructor<?> constructor;
  private final boolean comparable;
  private final SequentialProbe probe;

  /** @param probe runs the steps of blocking operations; null when the spec has none */
  SequentialSpecification(Class<?> spec, SequentialProbe probe) {
    this.probe = probe;
    try {
      this.constructor = spec.getDeclaredConstructor();
      constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(spec.getName() + " has no constructor without parameters");
    }
    this.comparable = overrides(spec, "equals", Object.class) && overrides(spec, "hashCode");
  }

  private static boolean overrides(Class<?> c, String name, Class<?>... parameters) {
    try {
      return c.getMethod(name, parameters).getDeclaringClass() != Object.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  @Override
  public Object fresh() {
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("the sequential specification "
          + constructor.getDeclaringClass().getName() + " failed to construct: " + e.getCause(),
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + constructor.getDeclaringClass(), e);
    }
  }

  @Override
  public OperationResult apply(Object instance, Actor actor) {
    Method m = actor.operation().method();
    m.setAccessible(true);
    try {
      if (probe != null && actor.operation().blocking()) {
        Object value = probe.run(() -> m.invoke(instance, actor.arguments()), actor.toString());
        if (value == SequentialProbe.BLOCKS) return OperationResult.BLOCKS;
        return OperationResult.of(value, m.getReturnType() == void.class);
      }
      return OperationResult.of(m.invoke(instance, actor.arguments()), m.getReturnType() == void.class);
    } catch (InvocationTargetException e) {
      return ActorRunner.result(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + m, e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot call " + m, e);
    }
  }

  @Override
  public boolean statesComparable() {
    return comparable;
  }
}
