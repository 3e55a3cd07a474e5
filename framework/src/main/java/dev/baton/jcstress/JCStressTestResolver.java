package dev.baton.jcstress;

import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import java.util.Optional;
import java.util.function.Predicate;
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
public final class JCStressTestResolver implements SelectorResolver {
  private final Predicate<String> classNameFilter;

  public JCStressTestResolver(Predicate<String> classNameFilter) {
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
    return resolveClass(selector.getJavaClass(), context);
  }

  @Override
  public Resolution resolve(UniqueIdSelector selector, Context context) {
    UniqueId id = selector.getUniqueId();
    UniqueId.Segment last = id.getLastSegment();
    if (JCStressTestDescriptor.SEGMENT_TYPE.equals(last.getType())) {
      last = id.removeLastSegment().getLastSegment();
    }
    if (!JCStressClassDescriptor.SEGMENT_TYPE.equals(last.getType())) return unresolved();
    return Resolution.selectors(java.util.Set.of(DiscoverySelectors.selectClass(last.getValue())));
  }

  private static Resolution resolveClass(Class<?> c, Context context) {
    if (!JCStressClasses.isTestClass(c)) return unresolved();
    Optional<TestDescriptor> added =
        context.addToParent(parent -> {
          JCStressClassDescriptor container = new JCStressClassDescriptor(parent.getUniqueId(), c);
          container.addChild(new JCStressTestDescriptor(container.getUniqueId(), c));
          return Optional.of(container);
        });
    return added.map(d -> Resolution.match(Match.exact(d))).orElse(unresolved());
  }
}
