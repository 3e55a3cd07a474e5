package dev.baton.engine;

import dev.baton.instrument.InstrumentingClassLoader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the instrumented twin of a discovered test class and its members. Discovery loads test
 * classes normally; execution runs them as loaded by an {@link InstrumentingClassLoader}, one per
 * engine execution (one per distinct parent loader, in the rare request that mixes loaders).
 */
final class InstrumentedClasses {
  private final List<String> exclusions;
  private final Map<ClassLoader, InstrumentingClassLoader> loaders = new HashMap<>();

  InstrumentedClasses(List<String> exclusions) {
    this.exclusions = List.copyOf(exclusions);
  }

  /** The instrumenting loader that {@code discovered}'s twin comes from. */
  ClassLoader loaderFor(Class<?> discovered) {
    ClassLoader parent = discovered.getClassLoader();
    if (parent == null) {
      parent = ClassLoader.getSystemClassLoader();
    }
    return loaders.computeIfAbsent(parent, p -> new InstrumentingClassLoader(p, exclusions));
  }

  /** {@code discovered} as the instrumenting loader defines it (not initialised yet). */
  Class<?> twin(Class<?> discovered) throws ClassNotFoundException {
    return Class.forName(discovered.getName(), false, loaderFor(discovered));
  }

  /** The accessible no-arg constructor of the twin of {@code testClass}. */
  Constructor<?> constructor(Class<?> testClass) throws ReflectiveOperationException {
    Constructor<?> constructor = twin(testClass).getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor;
  }

  /** The accessible twin of a no-parameter method {@code discovered} of {@code testClass}. */
  Method method(Class<?> testClass, Method discovered) throws ReflectiveOperationException {
    ClassLoader loader = loaderFor(testClass);
    Class<?> declaring = Class.forName(discovered.getDeclaringClass().getName(), false, loader);
    Method method = declaring.getDeclaredMethod(discovered.getName());
    method.setAccessible(true);
    return method;
  }

  /** {@link #method} for each of {@code discovered}, in order. */
  List<Method> methods(Class<?> testClass, List<Method> discovered)
      throws ReflectiveOperationException {
    List<Method> twins = new ArrayList<>(discovered.size());
    for (Method m : discovered) {
      twins.add(method(testClass, m));
    }
    return twins;
  }
}
