package dev.baton.samples.reallibs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Which release of a library a test runs against. The build runs the tests under {@code fixed/}
 * in a second Surefire execution whose class path holds the fixed releases and which sets {@value
 * #KEY}; a {@code -Dtest=} filter on the command line sends every matching test to both
 * executions, so each test skips itself in the other one and checks the release in its own.
 */
public final class Releases {
  /** Set to {@code fixed} by the Surefire execution of the fixed releases. */
  public static final String KEY = "baton.samples.releases";

  private Releases() {}

  /** Skips the calling test outside the fixed releases' execution; checks the release inside. */
  public static void requireFixed(Class<?> libraryClass, String version) {
    assumeTrue("fixed".equals(System.getProperty(KEY)), "runs in the fixed releases' execution");
    assertThat(libraryClass.getPackage().getImplementationVersion()).isEqualTo(version);
  }

  /** Skips the calling test in the fixed releases' execution; checks the release outside. */
  public static void requireBuggy(Class<?> libraryClass, String version) {
    assumeTrue(System.getProperty(KEY) == null, "runs against the releases with the bugs");
    assertThat(libraryClass.getPackage().getImplementationVersion()).isEqualTo(version);
  }
}
