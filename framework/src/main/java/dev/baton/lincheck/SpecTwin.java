package dev.baton.lincheck;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The instrumented twin of the spec class, in the class loader of one or more schedules: its
 * constructor, its operation methods, and arguments translated to its enums.
 */
final class SpecTwin {
  final ClassLoader loader;
  private final Constructor<?> constructor;
  private final Map<Method, Method> methods = new HashMap<>();

  SpecTwin(ClassLoader loader, SpecOperations spec) throws ReflectiveOperationException {
    this.loader = loader;
    Class<?> twin = Class.forName(spec.spec().getName(), false, loader);
    this.constructor = twin.getDeclaredConstructor();
    constructor.setAccessible(true);
    for (SpecOperations.OperationMethod op : spec.operations()) {
      methods.put(op.method(), twinOf(twin, op.method()));
    }
  }

  private static Method twinOf(Class<?> twin, Method discovered) throws NoSuchMethodException {
    String[] types = Arrays.stream(discovered.getParameterTypes()).map(Class::getName)
        .toArray(String[]::new);
    for (Method m : twin.getMethods()) {
      if (m.getName().equals(discovered.getName()) && Arrays.equals(types,
          Arrays.stream(m.getParameterTypes()).map(Class::getName).toArray(String[]::new))) {
        m.setAccessible(true);
        return m;
      }
    }
    throw new NoSuchMethodException(discovered + " in Baton's instrumented copy of the class");
  }

  Object newInstance() throws Throwable {
    try {
      return constructor.newInstance();
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  Method method(Method discovered) {
    return methods.get(discovered);
  }

  /** {@code arguments} with enum constants of the spec's classes replaced by their twins. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Object[] arguments(Object[] arguments) {
    Object[] twins = arguments.clone();
    for (int i = 0; i < twins.length; i++) {
      if (twins[i] instanceof Enum<?> e && e.getDeclaringClass().getClassLoader() != null
          && e.getDeclaringClass().getClassLoader() != loader) {
        try {
          Class enumTwin = Class.forName(e.getDeclaringClass().getName(), true, loader);
          twins[i] = Enum.valueOf(enumTwin, e.name());
        } catch (ClassNotFoundException notFound) {
          throw new IllegalStateException(notFound);
        }
      }
    }
    return twins;
  }
}
