package dev.baton.engine;

import dev.baton.instrument.InstrumentedCode;
import dev.baton.instrument.InstrumentingClassLoader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the instrumented twins of a discovered test class and its members. Discovery loads test
 * classes normally; execution runs them as loaded by an {@link InstrumentingClassLoader}: a new
 * one for every schedule when static state must be fresh, else one shared by the whole engine
 * execution. Each parent loader's classes are instrumented once.
 */
final class InstrumentedClasses {
  private final List<String> exclusions;
  private final Map<ClassLoader, InstrumentedCode> code = new HashMap<>();
  private final Map<ClassLoader, InstrumentingClassLoader> sharedLoaders = new HashMap<>();

  InstrumentedClasses(List<String> exclusions) {
    this.exclusions = List.copyOf(exclusions);
  }

  /** The loader that all schedules of {@code discovered}'s tests share when statics may leak. */
  synchronized ClassLoader sharedLoaderFor(Class<?> discovered) {
    return sharedLoaders.computeIfAbsent(parentOf(discovered), p -> codeOf(p).newLoader());
  }

  /**
   * A new loader of {@code discovered}'s classes, with fresh static state. Synchronized: the
   * workers of a parallel exploration ask for loaders at once.
   */
  synchronized ClassLoader newLoaderFor(Class<?> discovered) {
    return codeOf(parentOf(discovered)).newLoader();
  }

  private InstrumentedCode codeOf(ClassLoader parent) {
    return code.computeIfAbsent(parent, p -> new InstrumentedCode(p, exclusions));
  }

  private static ClassLoader parentOf(Class<?> discovered) {
    ClassLoader parent = discovered.getClassLoader();
    return parent == null ? ClassLoader.getSystemClassLoader() : parent;
  }

  /** The members one schedule runs, as {@code loader} defines them, made accessible. */
  static TestInstanceSchedule.Members members(
      ClassLoader loader, Class<?> testClass, LifecycleMethods lifecycle, Method testMethod)
      throws ReflectiveOperationException {
    Constructor<?> constructor =
        Class.forName(testClass.getName(), false, loader).getDeclaredConstructor();
    constructor.setAccessible(true);
    return new TestInstanceSchedule.Members(
        loader,
        constructor,
        methods(loader, lifecycle.befores()),
        method(loader, testMethod),
        methods(loader, lifecycle.afters()));
  }

  /** The accessible twin in {@code loader} of a no-parameter method. */
  private static Method method(ClassLoader loader, Method discovered)
      throws ReflectiveOperationException {
    Class<?> declaring = Class.forName(discovered.getDeclaringClass().getName(), false, loader);
    Method method = declaring.getDeclaredMethod(discovered.getName());
    method.setAccessible(true);
    return method;
  }

  private static List<Method> methods(ClassLoader loader, List<Method> discovered)
      throws ReflectiveOperationException {
    List<Method> twins = new ArrayList<>(discovered.size());
    for (Method m : discovered) {
      twins.add(method(loader, m));
    }
    return twins;
  }
}
