package dev.baton.scenarios;

import dev.baton.ExplorationResult;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * Explores a scenario with the unpublished-this rule on or off, for oracle tests only. Instrumented
 * classes are cached per parent class loader for the life of the JVM, so each exploration loads
 * the scenario class afresh, in a loader of its own ({@link FreshParent}); the internal property
 * {@code baton.internal.unpublishedThis} is read when that loader's instrumentation is made.
 */
final class UnpublishedThisRuleSwitch {
  private static final String PROPERTY = "baton.internal.unpublishedThis";

  private UnpublishedThisRuleSwitch() {}

  /** Runs {@code explore} on a fresh instance of {@code scenario}, with the rule on or off. */
  static ExplorationResult explore(Class<? extends Scenario> scenario, boolean rule,
      Function<Scenario, ExplorationResult> explore) {
    String before = System.getProperty(PROPERTY);
    System.setProperty(PROPERTY, Boolean.toString(rule));
    try {
      return explore.apply(FreshParent.instance(scenario));
    } finally {
      if (before == null) System.clearProperty(PROPERTY);
      else System.setProperty(PROPERTY, before);
    }
  }

  /** {@link #explore} with the given options. */
  static ExplorationResult explore(Class<? extends Scenario> scenario, boolean rule,
      Interleavings.Options options) {
    return explore(scenario, rule, options::explore);
  }

  /**
   * Defines one top-level class and its nested classes itself (child-first), from the class files
   * its parent sees, and leaves every other class to the parent: the scenario class gets a loader
   * no instrumentation was made for.
   */
  private static final class FreshParent extends ClassLoader {
    private final String topLevel;

    private FreshParent(String topLevel) {
      super(UnpublishedThisRuleSwitch.class.getClassLoader());
      this.topLevel = topLevel;
    }

    static Scenario instance(Class<? extends Scenario> type) {
      String name = type.getName();
      int nested = name.indexOf('$');
      try {
        Class<?> fresh = new FreshParent(nested < 0 ? name : name.substring(0, nested))
            .loadClass(name);
        var constructor = fresh.getDeclaredConstructor();
        constructor.setAccessible(true);
        return (Scenario) constructor.newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(topLevel) && !name.startsWith(topLevel + "$")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          byte[] bytes = classFile(name);
          c = defineClass(name, bytes, 0, bytes.length);
        }
        return c;
      }
    }

    private byte[] classFile(String name) throws ClassNotFoundException {
      try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
        if (in == null) throw new ClassNotFoundException(name);
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
