package dev.baton.lincheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.engine.discovery.PackageNameFilter.includePackageNames;

import dev.baton.lincheck.specs.BrokenCounterSpec;
import dev.baton.lincheck.specs.CorrectCounterSpec;
import dev.baton.lincheck.specs.CorrectStackSpec;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A {@code @CheckLinearizability} class is found from every kind of selector a build tool or IDE
 * sends, as a container with a class source and one test per mode with a method-style source.
 */
class LincheckDiscoveryTest {
  private static final String SPECS = "dev.baton.lincheck.specs";

  private static TestDescriptor discover(DiscoverySelector selector, Filter<?>... filters) {
    return EngineTestKit.engine("baton").selectors(selector).filters(filters).discover()
        .getEngineDescriptor();
  }

  /** Every test as {@code SimpleName#mode}. */
  private static Set<String> tests(TestDescriptor engine) {
    return engine.getDescendants().stream()
        .filter(TestDescriptor::isTest)
        .map(t -> {
          MethodSource s = (MethodSource) t.getSource().orElseThrow();
          return s.getClassName().substring(s.getClassName().lastIndexOf('.') + 1)
              + "#" + s.getMethodName();
        })
        .collect(Collectors.toSet());
  }

  @Test
  void aClassSelectorGivesAContainerWithOneTestPerMode() {
    TestDescriptor engine = discover(selectClass(CorrectCounterSpec.class));

    assertThat(engine.getChildren()).singleElement().satisfies(spec -> {
      assertThat(spec.isContainer()).isTrue();
      assertThat(spec.getSource()).contains(ClassSource.from(CorrectCounterSpec.class));
      assertThat(spec.getLegacyReportingName()).isEqualTo(CorrectCounterSpec.class.getName());
      assertThat(spec.getChildren()).extracting(TestDescriptor::getDisplayName)
          .containsExactly("modelChecking", "stress", "baton");
      assertThat(spec.getChildren()).allSatisfy(mode -> {
        assertThat(mode.isTest()).isTrue();
        assertThat(mode.getSource()).get().isInstanceOfSatisfying(MethodSource.class,
            s -> assertThat(s.getClassName()).isEqualTo(CorrectCounterSpec.class.getName()));
      });
    });
  }

  @Test
  void packageAndClasspathRootScansFindEverySpec() {
    Set<String> expected = Set.of(
        "CorrectCounterSpec#modelChecking", "CorrectCounterSpec#stress", "CorrectCounterSpec#baton",
        "BrokenCounterSpec#modelChecking", "BrokenCounterSpec#baton",
        "SlowBrokenCounterSpec#stress", "SlowBrokenCounterSpec#baton");
    Set<String> byPackage = tests(discover(selectPackage(SPECS)));
    assertThat(byPackage).containsAll(expected).hasSize(3 + 10 * 2);

    Path root = Path.of(URI(BrokenCounterSpec.class));
    Set<String> byRoot =
        tests(discover(selectClasspathRoots(Set.of(root)).get(0), includePackageNames(SPECS)));
    assertThat(byRoot).isEqualTo(byPackage);
  }

  @Test
  void aMethodSelectorNamingAModeSelectsThatTestOnly() {
    TestDescriptor engine = discover(selectMethod(CorrectStackSpec.class.getName() + "#baton"));

    assertThat(tests(engine)).containsExactly("CorrectStackSpec#baton");
  }

  @Test
  void uniqueIdsOfASpecAndOfAModeResolveAgain() {
    TestDescriptor all = discover(selectClass(CorrectStackSpec.class));
    TestDescriptor spec = all.getChildren().iterator().next();
    UniqueId modeId = spec.getChildren().iterator().next().getUniqueId();

    assertThat(tests(discover(selectUniqueId(modeId)))).containsExactly("CorrectStackSpec#modelChecking");
    assertThat(tests(discover(selectUniqueId(spec.getUniqueId()))))
        .containsExactlyInAnyOrder("CorrectStackSpec#modelChecking", "CorrectStackSpec#baton");
    assertThat(modeId.toString()).isEqualTo("[engine:baton]/[lincheck-spec:"
        + CorrectStackSpec.class.getName() + "]/[lincheck-mode:modelChecking]");
  }

  @Test
  void aSpecIsNotAlsoRunByJupiter() {
    // Jupiter sees no @Test in a spec: only the baton engine runs it.
    var results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(BrokenCounterSpec.class)).discover();
    assertThat(results.getEngineDescriptor().getDescendants()).isEmpty();
  }

  private static java.net.URI URI(Class<?> c) {
    try {
      return c.getProtectionDomain().getCodeSource().getLocation().toURI();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
