package dev.baton.jupiter;

import java.lang.reflect.Method;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Takes the Jupiter tests that Baton explores out of Jupiter's own run, so that each runs exactly
 * once per schedule under Baton's control and never also uncontrolled with real threads.
 *
 * <p>Registered through {@code META-INF/services}: the JUnit Platform launcher (Surefire, Gradle,
 * IDEs, the console launcher) applies every filter it finds there to every engine's tests. Only
 * tests of the {@code junit-jupiter} engine are looked at.
 */
public final class JupiterUnderBatonFilter implements PostDiscoveryFilter {
  private static final String JUPITER_ENGINE = "junit-jupiter";

  private final ExploreSelection selection;

  /** The filter the launcher creates: the selection from the system property or properties file. */
  public JupiterUnderBatonFilter() {
    this(environmentOrNone());
  }

  JupiterUnderBatonFilter(ExploreSelection selection) {
    this.selection = selection;
  }

  @Override
  public FilterResult apply(TestDescriptor descriptor) {
    if (!isJupiter(descriptor.getUniqueId())) return FilterResult.included("not a Jupiter test");
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
    return JupiterTests.exploredByBaton(testClass, method, selection)
        ? FilterResult.excluded("explored under Baton's engine [engine:baton] instead")
        : FilterResult.included("not explored by Baton");
  }

  private static boolean isJupiter(UniqueId id) {
    return id.getEngineId().map(JUPITER_ENGINE::equals).orElse(false);
  }

  /** A malformed key is reported by Baton's engine, which fails on it; here it selects nothing. */
  private static ExploreSelection environmentOrNone() {
    try {
      return ExploreSelection.fromEnvironment();
    } catch (IllegalArgumentException malformed) {
      return ExploreSelection.NONE;
    }
  }
}
