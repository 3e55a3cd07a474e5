package dev.baton.scenarios;

import dev.baton.ExplorationResult;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Explores a scenario with the rules that leave accesses without a scheduling point on or off
 * (a constructor's unpublished {@code this}, a method's unpublished allocations), for oracle tests
 * only. Instrumented classes are cached per parent class loader for the life of the JVM, so each
 * exploration loads the scenario class afresh, in a loader of its own ({@link FreshParent}); the
 * internal properties are read when that loader's instrumentation is made.
 */
final class PointRuleSwitch {
  private static final List<String> PROPERTIES =
      List.of("baton.internal.unpublishedThis", "baton.internal.freshObjects");

  private PointRuleSwitch() {}

  /** Runs {@code explore} on a fresh instance of {@code scenario}, with the rules on or off. */
  static ExplorationResult explore(Class<? extends Scenario> scenario, boolean rules,
      Function<Scenario, ExplorationResult> explore) {
    return explore(PROPERTIES, scenario, rules, explore);
  }

  /**
   * Runs {@code explore} on a fresh instance of {@code scenario}, with only the rule whose
   * internal switch is {@code property} on or off ({@code baton.internal.immutableFields}).
   */
  static ExplorationResult explore(String property, Class<? extends Scenario> scenario,
      boolean rule, Function<Scenario, ExplorationResult> explore) {
    return explore(List.of(property), scenario, rule, explore);
  }

  private static ExplorationResult explore(List<String> properties,
      Class<? extends Scenario> scenario, boolean rules,
      Function<Scenario, ExplorationResult> explore) {
    Map<String, String> before = new HashMap<>();
    for (String property : properties) {
      before.put(property, System.getProperty(property));
      System.setProperty(property, Boolean.toString(rules));
    }
    try {
      return explore.apply(FreshParent.instance(scenario));
    } finally {
      before.forEach((property, value) -> {
        if (value == null) System.clearProperty(property);
        else System.setProperty(property, value);
      });
    }
  }

  /** {@link #explore} with the given options. */
  static ExplorationResult explore(Class<? extends Scenario> scenario, boolean rules,
      Interleavings.Options options) {
    return explore(scenario, rules, options::explore);
  }

  /**
   * Defines one top-level class and its nested classes itself (child-first), from the class files
   * its parent sees, and leaves every other class to the parent: the scenario class gets a loader
   * no instrumentation was made for.
   */
  private static final class FreshParent extends ClassLoader {
    private final String topLevel;

    private FreshParent(String topLevel) {
      super(PointRuleSwitch.class.getClassLoader());
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
