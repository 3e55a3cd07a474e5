package dev.baton.existing;

import java.lang.reflect.Method;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Takes the existing tests that Baton explores out of their own engine's run (JUnit Jupiter's, or
 * JUnit Vintage's for JUnit 4), so that each runs exactly once per schedule under Baton's control
 * and never also uncontrolled with real threads.
 *
 * <p>Registered through {@code META-INF/services}: the JUnit Platform launcher (Surefire, Gradle,
 * IDEs, the console launcher) applies every filter it finds there to every engine's tests. Only
 * tests of the {@code junit-jupiter} and {@code junit-vintage} engines are looked at.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ExistingTestsFilter implements PostDiscoveryFilter {
  private static final Set<String> ENGINES = Set.of("junit-jupiter", "junit-vintage");

  @Override
  public FilterResult apply(TestDescriptor descriptor) {
    if (!fromTestEngines(descriptor.getUniqueId())) {
      return FilterResult.included("not a Jupiter or JUnit 4 test");
    }
    TestSource source = descriptor.getSource().orElse(null);
    if (!(source instanceof MethodSource methodSource)) {
      return FilterResult.included("not a test method");
    }
    Method method;
    Class<?> testClass;
    try {
      testClass = methodSource.getJavaClass();
      method = methodSource.getJavaMethod();
    } catch (RuntimeException unloadable) {
      return FilterResult.included("its class or method cannot be loaded here");
    }
    return DiscoveredByBaton.contains(testClass, method)
        ? FilterResult.excluded("explored under Baton's engine [engine:baton] instead")
        : FilterResult.included("not explored by Baton");
  }

  private static boolean fromTestEngines(UniqueId id) {
    return id.getEngineId().map(ENGINES::contains).orElse(false);
  }
}
