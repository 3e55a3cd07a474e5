package dev.baton.jcstress;

import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import dev.baton.ExploreInterleavings;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.NestedClassSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Turns class, method (an actor: the whole test runs, as JCStress grades classes) and unique-id
 * selectors of {@code @JCStressTest} classes into a {@link JCStressClassDescriptor} under the
 * engine holding its {@link JCStressTestDescriptor}. Packages and class-path roots reach it as class selectors from the platform's class
 * container resolver.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JCStressTestResolver implements SelectorResolver {
  private final TestDescriptor engine;
  private final Predicate<String> classNameFilter;

  public JCStressTestResolver(TestDescriptor engine, Predicate<String> classNameFilter) {
    this.engine = engine;
    this.classNameFilter = classNameFilter;
  }

  @Override
  public Resolution resolve(ClassSelector selector, Context context) {
    Class<?> c = selector.getJavaClass();
    return classNameFilter.test(c.getName()) ? resolveClass(c, context) : unresolved();
  }

  @Override
  public Resolution resolve(NestedClassSelector selector, Context context) {
    return resolveClass(selector.getNestedClass(), context);
  }

  @Override
  public Resolution resolve(MethodSelector selector, Context context) {
    // An @ExploreInterleavings method in a JCStress class is a test of its own, not an actor.
    if (isInterleavingTest(selector)) return unresolved();
    return resolveClass(selector.getJavaClass(), context);
  }

  private static boolean isInterleavingTest(MethodSelector selector) {
    try {
      return AnnotationSupport.isAnnotated(selector.getJavaMethod(), ExploreInterleavings.class);
    } catch (RuntimeException | LinkageError notFound) {
      return false; // for one, JCStress's types missing: the class fails naming the dependency
    }
  }

  /**
   * The unique id of the container the engine gives the {@code @ExploreInterleavings} methods of
   * {@code c}, when it has any: a class selector resolves through the first resolver that
   * matches, this one, so the JCStress container hands them on.
   */
  private static Optional<DiscoverySelector> interleavingTests(UniqueId engine, Class<?> c) {
    try {
      if (AnnotationSupport.findAnnotatedMethods(
              c, ExploreInterleavings.class, HierarchyTraversalMode.TOP_DOWN)
          .isEmpty()) {
        return Optional.empty();
      }
    } catch (LinkageError jcstressMissing) {
      return Optional.empty(); // the class's JCStress test fails naming the dependency
    }
    return Optional.of(
        DiscoverySelectors.selectUniqueId(engine.append(CLASS_SEGMENT_TYPE, c.getName())));
  }

  /** The segment type of the engine's container of a class's @ExploreInterleavings methods. */
  private static final String CLASS_SEGMENT_TYPE = "class";

  @Override
  public Resolution resolve(UniqueIdSelector selector, Context context) {
    UniqueId id = selector.getUniqueId();
    UniqueId.Segment last = id.getLastSegment();
    if (JCStressTestDescriptor.SEGMENT_TYPE.equals(last.getType())) {
      last = id.removeLastSegment().getLastSegment();
    }
    if (!JCStressClassDescriptor.SEGMENT_TYPE.equals(last.getType())) return unresolved();
    // The JCStress test alone (an IDE re-running it), not the class's interleaving tests too.
    return ReflectionSupport.tryToLoadClass(last.getValue()).toOptional()
        .filter(JCStressClasses::isTestClass)
        .map(c -> Resolution.match(Match.exact(container(c))))
        .orElse(unresolved());
  }

  private Resolution resolveClass(Class<?> c, Context context) {
    if (!JCStressClasses.isTestClass(c)) return unresolved();
    JCStressClassDescriptor container = container(c);
    return Resolution.match(Match.exact(container, () -> interleavingTests(engine.getUniqueId(), c)
        .map(Set::of)
        .orElse(Set.of())));
  }

  /**
   * The container of {@code c}, always a child of the engine, created once: the bridge runs the
   * engine's JCStress containers, and one nested under an interleaving test class (reached while
   * expanding it) would never run; found again by a package scan, it would be listed twice.
   */
  private JCStressClassDescriptor container(Class<?> c) {
    UniqueId id = engine.getUniqueId().append(JCStressClassDescriptor.SEGMENT_TYPE, c.getName());
    for (TestDescriptor child : engine.getChildren()) {
      if (child.getUniqueId().equals(id)) return (JCStressClassDescriptor) child;
    }
    JCStressClassDescriptor container = new JCStressClassDescriptor(engine.getUniqueId(), c);
    container.addChild(new JCStressTestDescriptor(container.getUniqueId(), c));
    engine.addChild(container);
    return container;
  }
}
