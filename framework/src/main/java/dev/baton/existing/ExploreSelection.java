package dev.baton.existing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The existing tests that {@value #KEY} puts under exploration without touching their source: a
 * comma-separated list of patterns, each a class name or {@code ClassName#method}, where {@code *}
 * matches any run of characters (and {@code **} the same, for habit's sake). A pattern without a
 * package matches the simple name: {@code *Concurrency*Test}, {@code com.acme.cache.*},
 * {@code LeaseTest#renew*}. For a nested class the name is {@code Outer$Inner}.
 *
 * <p>Read from the system property, else from {@code junit-platform.properties} on the class path:
 * the two places that both Baton's engine and {@link ExistingTestsFilter} can see, so that a
 * selected test runs under Baton and not also under Jupiter.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ExploreSelection {
  /** The configuration key. */
  public static final String KEY = "baton.explore.include";

  /** Selects nothing. */
  public static final ExploreSelection NONE = new ExploreSelection("", List.of());

  private final String source;
  private final List<Entry> entries;

  private record Entry(Pattern className, Pattern method, boolean qualified) {}

  private ExploreSelection(String source, List<Entry> entries) {
    this.source = source;
    this.entries = entries;
  }

  /**
   * Parses {@code value}; blank selects nothing.
   *
   * @throws IllegalArgumentException naming the key and the bad pattern
   */
  public static ExploreSelection parse(String value) {
    if (value == null || value.isBlank()) return NONE;
    List<Entry> entries = new ArrayList<>();
    for (String raw : value.split(",")) {
      String pattern = raw.trim();
      if (pattern.isEmpty()) continue;
      int hash = pattern.indexOf('#');
      String classPart = hash < 0 ? pattern : pattern.substring(0, hash);
      String methodPart = hash < 0 ? "*" : pattern.substring(hash + 1);
      if (classPart.isEmpty() || methodPart.isEmpty() || methodPart.contains("#")
          || !classPart.matches("[\\w.$*]+") || !methodPart.matches("[\\w$*]+")) {
        throw new IllegalArgumentException(
            KEY + " has a malformed pattern '" + pattern + "'. Fix: use comma-separated class"
                + " patterns such as com.acme.*Test or *CacheTest#concurrent*, where * matches"
                + " any characters and #method is optional.");
      }
      entries.add(new Entry(glob(classPart), glob(methodPart), classPart.contains(".")));
    }
    return new ExploreSelection(value.trim(), List.copyOf(entries));
  }

  /** The selection the system property or {@code junit-platform.properties} gives. */
  public static ExploreSelection fromEnvironment() {
    String value = System.getProperty(KEY);
    if (value == null) value = fromPlatformProperties();
    return parse(value);
  }

  /** Whether the selection names any test at all. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Whether some pattern names {@code testClass} (all of its tests or some). */
  public boolean includesClass(Class<?> testClass) {
    for (Entry e : entries) {
      if (classMatches(e, testClass)) return true;
    }
    return false;
  }

  /** Whether some pattern names method {@code methodName} of {@code testClass}. */
  public boolean includes(Class<?> testClass, String methodName) {
    for (Entry e : entries) {
      if (classMatches(e, testClass) && e.method().matcher(methodName).matches()) return true;
    }
    return false;
  }

  private static boolean classMatches(Entry e, Class<?> c) {
    String name = c.getName();
    String compared = e.qualified() ? name : name.substring(name.lastIndexOf('.') + 1);
    return e.className().matcher(compared).matches();
  }

  private static Pattern glob(String glob) {
    List<String> quoted = new ArrayList<>();
    for (String part : glob.replace("**", "*").split("\\*", -1)) {
      quoted.add(Pattern.quote(part));
    }
    return Pattern.compile(String.join(".*", quoted));
  }

  private static String fromPlatformProperties() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) loader = ExploreSelection.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream("junit-platform.properties")) {
      if (in == null) return null;
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty(KEY);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return entries.isEmpty() ? "(none)" : source;
  }
}
