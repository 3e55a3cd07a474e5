package dev.baton.lincheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.baton.lincheck.specs.CorrectCounterSpec;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Lincheck is an optional dependency: Baton's engine and the bridge, loaded where Lincheck's
 * classes do not exist, still discover a spec and fail each of its modes with the dependency to
 * add, instead of a {@code NoClassDefFoundError}.
 */
class LincheckMissingTest {

  /** Loads Baton's engine, the bridges and the specs itself; hides Lincheck; the rest is shared. */
  private static final class WithoutLincheck extends URLClassLoader {
    WithoutLincheck() {
      super(new URL[] {location(CheckLinearizability.class), location(CorrectCounterSpec.class)},
          LincheckMissingTest.class.getClassLoader());
    }

    private static boolean hidden(String name) {
      return name.startsWith("org.jetbrains.lincheck.")
          || name.startsWith("org.jetbrains.kotlinx.lincheck.");
    }

    private static boolean own(String name) {
      // The engine calls the JCStress bridge with its own types: both sides in this loader.
      return name.startsWith("dev.baton.engine.") || name.startsWith("dev.baton.lincheck.")
          || name.startsWith("dev.baton.jcstress.");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (hidden(name)) throw new ClassNotFoundException(name + " (hidden by the test)");
        if (!own(name)) return super.loadClass(name, resolve);
        Class<?> c = findLoadedClass(name);
        return c != null ? c : findClass(name);
      }
    }

    @Override
    public URL getResource(String name) {
      return hidden(name.replace('/', '.')) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return hidden(name.replace('/', '.')) ? Collections.emptyEnumeration() : super.getResources(name);
    }
  }

  private static URL location(Class<?> c) {
    return c.getProtectionDomain().getCodeSource().getLocation();
  }

  @Test
  void everyModeFailsWithTheDependencyToAdd() throws Exception {
    try (WithoutLincheck loader = new WithoutLincheck()) {
      Class<?> spec = loader.loadClass(CorrectCounterSpec.class.getName());
      assertThat(spec.getMethod("increment").getAnnotations())
          .as("Lincheck's @Operation is invisible without Lincheck").isEmpty();
      TestEngine engine = (TestEngine) loader.loadClass("dev.baton.engine.BatonTestEngine")
          .getDeclaredConstructor().newInstance();

      EngineExecutionResults results = EngineTestKit.engine(engine)
          .selectors(selectClass(spec)).configurationParameters(Map.of()).execute();

      Map<String, TestExecutionResult> byMode = LincheckEngine.resultsByMode(results);

      assertThat(byMode).containsOnlyKeys("modelChecking", "stress", "baton");
      byMode.forEach((mode, result) -> {
        Throwable failure = result.getThrowable().orElseThrow();
        assertThat(failure.getClass().getSimpleName()).isEqualTo("BatonMisuseException");
        assertThat(failure.getMessage())
            .startsWith("Lincheck is not on the test class path, so " + spec.getName())
            .contains("Add the test dependency org.jetbrains.lincheck:lincheck:3.7",
                "<artifactId>lincheck</artifactId>");
      });
    }
  }
}
