package dev.baton.lincheck;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import dev.baton.engine.TestClasses;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.NestedClassSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Turns {@link CheckLinearizability} classes into a {@link LincheckSpecDescriptor} with one {@link
 * LincheckModeDescriptor} per mode. Handles class selectors (also those that package and class-path
 * scans produce), method selectors naming a mode ({@code CounterSpec#modelChecking}) and unique-id
 * selectors of a spec or a mode, which IDEs use to re-run one test.
 */
final class LincheckSpecResolver implements SelectorResolver {
  private final TestDescriptor engine;
  private final Predicate<String> classNameFilter;

  LincheckSpecResolver(TestDescriptor engine, Predicate<String> classNameFilter) {
    this.engine = engine;
    this.classNameFilter = classNameFilter;
  }

  /** A concrete class annotated with {@link CheckLinearizability}. */
  static boolean isSpecClass(Class<?> c) {
    return !c.isInterface() && !c.isAnnotation() && !c.isEnum() && !c.isArray()
        && !c.isPrimitive() && !c.isAnonymousClass() && !c.isLocalClass() && !c.isSynthetic()
        && !Modifier.isAbstract(c.getModifiers())
        && AnnotationSupport.isAnnotated(c, CheckLinearizability.class);
  }

  @Override
  public Resolution resolve(ClassSelector selector, Context context) {
    Class<?> c = selector.getJavaClass();
    if (!isSpecClass(c) || !classNameFilter.test(c.getName())) return unresolved();
    return specMatch(c);
  }

  private Resolution specMatch(Class<?> c) {
    LincheckSpecDescriptor spec = specDescriptor(c);
    return Resolution.match(Match.exact(spec, () -> {
      Set<DiscoverySelector> selectors = modeSelectors(spec, modes(c));
      if (TestClasses.isTestClass(c)) {
        // Its @ExploreInterleavings methods are tests too, in the class's own container: a class
        // selector resolves to the first resolver that matches, so this one hands them on.
        selectors.add(selectUniqueId(TestClasses.interleavingClassId(engine, c)));
      }
      return selectors;
    }));
  }

  @Override
  public Resolution resolve(NestedClassSelector selector, Context context) {
    // Reached from its enclosing class; not filtered by class name again, like nested classes
    // of interleaving tests.
    Class<?> c = selector.getNestedClass();
    return isSpecClass(c) ? specMatch(c) : unresolved();
  }

  @Override
  public Resolution resolve(MethodSelector selector, Context context) {
    // By name only: a mode is not a Java method, so the selector's method must not be looked up.
    Class<?> c;
    try {
      c = selector.getJavaClass();
    } catch (RuntimeException notLoadable) {
      return unresolved();
    }
    LincheckMode mode = LincheckMode.parse(selector.getMethodName());
    if (mode == null || !isSpecClass(c)) return unresolved();
    return resolveMode(() -> selectClass(c), mode, context);
  }

  @Override
  public Resolution resolve(UniqueIdSelector selector, Context context) {
    UniqueId id = selector.getUniqueId();
    UniqueId.Segment last = id.getLastSegment();
    if (LincheckSpecDescriptor.SEGMENT_TYPE.equals(last.getType())) {
      return specClass(last.getValue())
          .map(c -> resolve(selectClass(c), context))
          .orElse(unresolved());
    }
    if (!LincheckModeDescriptor.SEGMENT_TYPE.equals(last.getType())) return unresolved();
    UniqueId.Segment parent = id.removeLastSegment().getLastSegment();
    LincheckMode mode = LincheckMode.parse(last.getValue());
    if (mode == null || !LincheckSpecDescriptor.SEGMENT_TYPE.equals(parent.getType())) {
      return unresolved();
    }
    return specClass(parent.getValue())
        .map(c -> resolveMode(() -> selectClass(c), mode, context))
        .orElse(unresolved());
  }

  /**
   * The spec class named {@code name}: from the default class loader, as class selectors load it,
   * else from the engine's own (a launcher that loaded Baton and the tests in a loader of their
   * own).
   */
  private static Optional<Class<?>> specClass(String name) {
    Optional<Class<?>> c = ReflectionSupport.tryToLoadClass(name).toOptional();
    if (c.isPresent() && isSpecClass(c.get())) return c;
    return ReflectionSupport
        .tryToLoadClass(name, LincheckSpecResolver.class.getClassLoader())
        .toOptional()
        .filter(LincheckSpecResolver::isSpecClass);
  }

  private Resolution resolveMode(
      Supplier<DiscoverySelector> parentSelector, LincheckMode mode, Context context) {
    return context
        .addToParent(parentSelector, parent ->
            parent instanceof LincheckSpecDescriptor spec && modes(spec.specClass()).contains(mode)
                ? Optional.of(new LincheckModeDescriptor(parent.getUniqueId(), spec.specClass(), mode))
                : Optional.empty())
        .<Resolution>map(d -> Resolution.match(Match.exact(d)))
        .orElse(unresolved());
  }

  private static List<LincheckMode> modes(Class<?> c) {
    CheckLinearizability a =
        AnnotationSupport.findAnnotation(c, CheckLinearizability.class).orElseThrow();
    return List.copyOf(new LinkedHashSet<>(List.of(a.modes())));
  }

  private static Set<DiscoverySelector> modeSelectors(
      LincheckSpecDescriptor spec, List<LincheckMode> modes) {
    Set<DiscoverySelector> selectors = new LinkedHashSet<>();
    for (LincheckMode mode : modes) {
      selectors.add(selectUniqueId(
          spec.getUniqueId().append(LincheckModeDescriptor.SEGMENT_TYPE, mode.testName())));
    }
    return selectors;
  }

  /** The container of {@code c}, a child of the engine, created once. */
  private LincheckSpecDescriptor specDescriptor(Class<?> c) {
    UniqueId id = engine.getUniqueId().append(LincheckSpecDescriptor.SEGMENT_TYPE, c.getName());
    for (TestDescriptor child : engine.getChildren()) {
      if (child.getUniqueId().equals(id)) return (LincheckSpecDescriptor) child;
    }
    LincheckSpecDescriptor d = new LincheckSpecDescriptor(engine.getUniqueId(), c);
    engine.addChild(d);
    return d;
  }
}
