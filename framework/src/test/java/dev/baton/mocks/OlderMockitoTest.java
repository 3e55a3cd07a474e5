package dev.baton.mocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mockito 4 (subclass mock maker, ByteBuddy 1.12) mocking a scenario's package-private class in
 * every schedule. The jars come from target/mockito-4 (the build copies them there); the scenarios
 * of {@code dev.baton.mocks.old} are loaded in a loader where they see Mockito 4, not the
 * test-scoped Mockito 5, and Baton explores them as it would in a project that uses Mockito 4.
 */
class OlderMockitoTest {
  private static final Path JARS = Path.of("target", "mockito-4");
  private static final String SCENARIOS = "dev.baton.mocks.old.Mockito4Scenarios";
  private static Class<?> scenarios;

  @BeforeAll
  static void loadScenariosWithMockito4() throws Exception {
    if (Runtime.version().feature() > 19) {
      System.setProperty("net.bytebuddy.experimental", "true"); // ByteBuddy 1.12 predates them
    }
    scenarios = Class.forName(SCENARIOS, true, new Mockito4Loader(jars()));
    assertThat((String) scenarios.getMethod("mockitoJar").invoke(null)).endsWith("mockito-core-4.11.0.jar");
  }

  @Test
  void aRaceBehindAMockito4MockIsFound() throws Exception {
    String failure = (String) scenarios.getMethod("exploreRacy").invoke(null);
    assertThat(failure).isNotNull().contains("lost update: total = 1");
  }

  @Test
  void aCorrectScenarioWithAMockito4MockPassesEverySchedule() throws Exception {
    assertThat((int) scenarios.getMethod("exploreSafe").invoke(null)).isEqualTo(50);
  }

  private static URL[] jars() throws IOException {
    try (Stream<Path> files = Files.list(JARS)) {
      return files.filter(f -> f.toString().endsWith(".jar")).map(OlderMockitoTest::url)
          .toArray(URL[]::new);
    }
  }

  private static URL url(Path file) {
    try {
      return file.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Mockito 4, ByteBuddy 1.12 and Objenesis from its jars, and the scenarios from the test class
   * path, child-first; Baton, JUnit and the JDK from the test's own loader.
   */
  private static final class Mockito4Loader extends URLClassLoader {
    Mockito4Loader(URL[] jars) {
      super("mockito-4", jars, OlderMockitoTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      boolean own = name.startsWith("org.mockito.") || name.startsWith("net.bytebuddy.")
          || name.startsWith("org.objenesis.") || name.startsWith("dev.baton.mocks.old.");
      if (!own) return super.loadClass(name, resolve);
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = name.startsWith("dev.baton.mocks.old.") ? defineFromTestClasses(name) : findClass(name);
        }
        if (resolve) resolveClass(c);
        return c;
      }
    }

    private Class<?> defineFromTestClasses(String name) {
      String path = name.replace('.', '/') + ".class";
      try (InputStream in = getParent().getResourceAsStream(path)) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public URL getResource(String name) {
      URL own = findResource(name);
      return own != null && (name.startsWith("org/mockito/") || name.startsWith("net/bytebuddy/")
          || name.startsWith("mockito-extensions/") || name.startsWith("org/objenesis/"))
          ? own : super.getResource(name);
    }
  }
}
