package dev.baton.existing;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * The existing tests Baton's engine discovered in the current discovery: the ones {@link
 * ExistingTestsFilter} takes out of JUnit Jupiter's and JUnit Vintage's own run. The launcher
 * discovers every engine before it applies post-discovery filters, so the set is complete when the
 * filter asks; a test Baton did not discover (its engine excluded, a selector only Jupiter
 * understands) stays with its own engine instead of running nowhere.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DiscoveredByBaton {
  private static final Set<String> TESTS = ConcurrentHashMap.newKeySet();

  private DiscoveredByBaton() {}

  /** Forgets the tests of an earlier discovery: called as Baton's discovery starts. */
  public static void clear() {
    TESTS.clear();
  }

  /** Records that Baton explores {@code method} of {@code testClass}. */
  public static void add(Class<?> testClass, Method method) {
    TESTS.add(key(testClass, method));
  }

  /** Whether Baton's engine discovered {@code method} of {@code testClass}. */
  public static boolean contains(Class<?> testClass, Method method) {
    return TESTS.contains(key(testClass, method));
  }

  private static String key(Class<?> testClass, Method method) {
    return testClass.getName() + "#" + method.getName()
        + Arrays.toString(method.getParameterTypes());
  }
}
