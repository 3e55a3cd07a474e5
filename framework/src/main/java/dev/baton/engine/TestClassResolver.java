package dev.baton.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import dev.baton.existing.ExploreSelection;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.NestedClassSelector;
import org.junit.platform.engine.discovery.NestedMethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Turns class, method and unique-id selectors into {@link TestClassDescriptor}s and their {@link
 * ExploreMethodDescriptor}s. Packages, class-path roots and modules are scanned by the platform's
 * class container resolver, which hands each class it finds back here as a class selector.
 *
 * <p>Selecting a class also selects the test classes nested in it, whether or not it has tests of
 * its own: Surefire never selects a nested class on its own, and a concurrency test that is
 * silently not run is the worst outcome. A class reached that way is not filtered by class name
 * again, like Jupiter's nested classes.
 */
final class TestClassResolver implements SelectorResolver {
  private final TestDescriptor engine;
  private final Predicate<String> classNameFilter;
  private final ExploreSelection selection;

  TestClassResolver(
      TestDescriptor engine, Predicate<String> classNameFilter, ExploreSelection selection) {
    this.engine = engine;
    this.classNameFilter = classNameFilter;
    this.selection = selection;
  }

  @Override
  public Resolution resolve(ClassSelector selector, Context context) {
    Class<?> testClass = selector.getJavaClass();
    if (!classNameFilter.test(testClass.getName())) {
      return unresolved();
    }
    return resolveClass(testClass);
  }

  @Override
  public Resolution resolve(NestedClassSelector selector, Context context) {
    return resolveClass(selector.getNestedClass());
  }

  @Override
  public Resolution resolve(MethodSelector selector, Context context) {
    Class<?> testClass = selector.getJavaClass();
    return resolveMethod(
        testClass,
        selector.getJavaMethod(),
        () -> selectUniqueId(classId(engine, testClass)),
        context);
  }

  @Override
  public Resolution resolve(NestedMethodSelector selector, Context context) {
    return resolveMethod(
        selector.getNestedClass(),
        selector.getMethod(),
        () -> selectNestedClass(selector.getEnclosingClasses(), selector.getNestedClass()),
        context);
  }

  @Override
  public Resolution resolve(UniqueIdSelector selector, Context context) {
    // The resolution framework only hands over ids under this engine's root.
    UniqueId id = selector.getUniqueId();
    UniqueId.Segment last = id.getLastSegment();
    if (TestClassDescriptor.SEGMENT_TYPE.equals(last.getType())) {
      // Resolved here, not redirected to a class selector: a class that is also a
      // @CheckLinearizability spec resolves to the spec's container from a class selector.
      return testClass(last.getValue()).map(this::resolveClass).orElse(unresolved());
    }
    if (ExploreMethodDescriptor.SEGMENT_TYPE.equals(last.getType())) {
      UniqueId.Segment parent = id.removeLastSegment().getLastSegment();
      String value = last.getValue();
      int open = value.indexOf('(');
      if (!TestClassDescriptor.SEGMENT_TYPE.equals(parent.getType())
          || open < 0
          || !value.endsWith(")")) {
        return unresolved();
      }
      return Resolution.selectors(
          Set.of(
              selectMethod(
                  parent.getValue(),
                  value.substring(0, open),
                  value.substring(open + 1, value.length() - 1))));
    }
    return unresolved();
  }

  /** The unique id of the container of {@code testClass} under {@code engine}. */
  static UniqueId classId(TestDescriptor engine, Class<?> testClass) {
    return engine.getUniqueId().append(TestClassDescriptor.SEGMENT_TYPE, testClass.getName());
  }

  /**
   * The class named {@code name}: from the default class loader, as class selectors load it, else
   * from the engine's own (a launcher that loaded Baton and the tests in a loader of their own).
   */
  private static Optional<Class<?>> testClass(String name) {
    Optional<Class<?>> c = ReflectionSupport.tryToLoadClass(name).toOptional();
    if (c.isPresent()) return c;
    return ReflectionSupport.tryToLoadClass(name, TestClassResolver.class.getClassLoader())
        .toOptional();
  }

  private Resolution resolveClass(Class<?> testClass) {
    if (!TestClasses.isTestClass(testClass, selection)) {
      // A class without tests of its own may still hold nested test classes.
      Set<DiscoverySelector> nested = nestedTestClasses(testClass);
      return nested.isEmpty() ? unresolved() : Resolution.selectors(nested);
    }
    TestClassDescriptor descriptor = classDescriptor(testClass);
    return Resolution.match(Match.exact(descriptor, () -> children(testClass)));
  }

  /**
   * The container of {@code testClass}, always a child of the engine. Not added through the
   * context: a nested class is reached while expanding its enclosing class, where the context would
   * make it a child of that class, and the same class found by a package scan would then get a
   * second descriptor and run twice.
   */
  private TestClassDescriptor classDescriptor(Class<?> testClass) {
    UniqueId id = classId(engine, testClass);
    for (TestDescriptor child : engine.getChildren()) {
      if (child.getUniqueId().equals(id)) {
        return (TestClassDescriptor) child;
      }
    }
    TestClassDescriptor descriptor = new TestClassDescriptor(engine.getUniqueId(), testClass);
    engine.addChild(descriptor);
    return descriptor;
  }

  private Set<DiscoverySelector> children(Class<?> testClass) {
    Set<DiscoverySelector> selectors = new LinkedHashSet<>();
    for (Method method : TestClasses.testMethods(testClass, selection)) {
      selectors.add(selectMethod(testClass, method));
    }
    selectors.addAll(nestedTestClasses(testClass));
    return selectors;
  }

  /**
   * Selectors for the member classes of {@code outer} that are or contain test classes of any kind
   * the engine runs (JCStress's samples nest their tests in a class without tests of its own).
   */
  private Set<DiscoverySelector> nestedTestClasses(Class<?> outer) {
    Set<DiscoverySelector> selectors = new LinkedHashSet<>();
    List<Class<?>> enclosing = enclosingChain(outer);
    for (Class<?> nested : outer.getDeclaredClasses()) {
      if (TestClasses.isTestClass(nested, selection)
          || Bridges.isBridgeTestClass(nested)
          || !nestedTestClasses(nested).isEmpty()) {
        selectors.add(selectNestedClass(enclosing, nested));
      }
    }
    return selectors;
  }

  /** {@code c} and the classes around it, outermost first. */
  private static List<Class<?>> enclosingChain(Class<?> c) {
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      chain.add(0, k);
    }
    return chain;
  }

  private Resolution resolveMethod(
      Class<?> testClass,
      Method method,
      Supplier<DiscoverySelector> parentSelector,
      Context context) {
    if (!TestClasses.isTestMethod(testClass, method, selection)
        || !TestClasses.isTestClass(testClass, selection)) {
      return unresolved();
    }
    return context
        .addToParent(
            parentSelector,
            parent -> {
              if (!(parent instanceof TestClassDescriptor)) {
                return Optional.empty();
              }
              return Optional.of(
                  new ExploreMethodDescriptor(parent.getUniqueId(), testClass, method));
            })
        .<Resolution>map(descriptor -> Resolution.match(Match.exact(descriptor)))
        .orElse(unresolved());
  }
}
