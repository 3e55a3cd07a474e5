package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.engine.discovery.PackageNameFilter.includePackageNames;

import dev.baton.engine.fixtures.discovery.AbstractBaseScenarios;
import dev.baton.engine.fixtures.discovery.InheritingScenarios;
import dev.baton.engine.fixtures.discovery.NoTestsHelper;
import dev.baton.engine.fixtures.discovery.OuterFixture;
import dev.baton.engine.fixtures.discovery.TwoTestsFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class EngineDiscoveryTest {
  private static final String DISCOVERY_PACKAGE = "dev.baton.engine.fixtures.discovery";

  /** Every test in the fixture package, as {@code SimpleClassName#method}. */
  private static final Set<String> ALL_DISCOVERY_FIXTURE_TESTS =
      Set.of(
          "TwoTestsFixture#first",
          "TwoTestsFixture#second",
          "InheritingScenarios#inheritedTest",
          "InheritingScenarios#ownTest",
          "OuterFixture#outerTest",
          "OuterFixture$NestedScenarios#nestedTest");

  @Test
  void theEngineIsRegisteredUnderItsIdAndCoordinates() {
    TestEngine engine =
        ServiceLoader.load(TestEngine.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(e -> e.getId().equals("baton"))
            .findFirst()
            .orElseThrow();
    assertThat(engine).isInstanceOf(BatonTestEngine.class);
    assertThat(engine.getGroupId()).contains("dev.baton");
    assertThat(engine.getArtifactId()).contains("baton");
  }

  @Test
  void classSelectorFindsTheAnnotatedMethodsOnly() {
    TestDescriptor engine = discover(selectClass(TwoTestsFixture.class)).getEngineDescriptor();

    assertThat(tests(engine))
        .containsExactlyInAnyOrder("TwoTestsFixture#first", "TwoTestsFixture#second");
    assertThat(engine.getChildren()).hasSize(1);
    TestDescriptor container = engine.getChildren().iterator().next();
    assertThat(container.getUniqueId())
        .isEqualTo(UniqueId.forEngine("baton").append("class", TwoTestsFixture.class.getName()));
    assertThat(container.getDisplayName()).isEqualTo("TwoTestsFixture");
    assertThat(container.isContainer()).isTrue();
    assertThat(container.getChildren())
        .extracting(TestDescriptor::getUniqueId)
        .contains(container.getUniqueId().append("method", "first()"));
  }

  @Test
  void methodSelectorFindsThatMethodOnly() {
    TestDescriptor engine =
        discover(selectMethod(TwoTestsFixture.class, "second")).getEngineDescriptor();

    assertThat(tests(engine)).containsExactly("TwoTestsFixture#second");
  }

  @Test
  void methodSelectorForAMethodWithoutTheAnnotationFindsNothing() {
    TestDescriptor engine =
        discover(selectMethod(TwoTestsFixture.class, "helper")).getEngineDescriptor();

    assertThat(engine.getDescendants()).isEmpty();
  }

  @Test
  void packageSelectorFindsEveryTestClassInThePackage() {
    EngineDiscoveryResults results = discover(selectPackage(DISCOVERY_PACKAGE));

    assertThat(tests(results.getEngineDescriptor()))
        .containsExactlyInAnyOrderElementsOf(ALL_DISCOVERY_FIXTURE_TESTS);
    assertThat(results.getEngineDescriptor().getChildren())
        .extracting(TestDescriptor::getDisplayName)
        .containsExactlyInAnyOrder(
            "TwoTestsFixture",
            "InheritingScenarios",
            "OuterFixture",
            "OuterFixture$NestedScenarios");
    assertThat(results.getDiscoveryIssues()).isEmpty();
  }

  @Test
  void classpathRootSelectorScansTheRootAndHonoursPackageFilters() throws Exception {
    Path root =
        Path.of(TwoTestsFixture.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    TestDescriptor engine =
        discover(
                List.of(selectClasspathRoots(Set.of(root)).get(0)),
                includePackageNames(DISCOVERY_PACKAGE))
            .getEngineDescriptor();

    assertThat(tests(engine)).containsExactlyInAnyOrderElementsOf(ALL_DISCOVERY_FIXTURE_TESTS);
  }

  @Test
  void classNameFiltersExcludeClassesFoundByScanning() {
    TestDescriptor engine =
        discover(
                List.of(selectPackage(DISCOVERY_PACKAGE)),
                excludeClassNamePatterns(".*InheritingScenarios", ".*OuterFixture.*"))
            .getEngineDescriptor();

    assertThat(tests(engine))
        .containsExactlyInAnyOrder("TwoTestsFixture#first", "TwoTestsFixture#second");
  }

  @Test
  void classNameFiltersApplyToClassSelectorsToo() {
    TestDescriptor engine =
        discover(List.of(selectClass(TwoTestsFixture.class)), excludeClassNamePatterns(".*Two.*"))
            .getEngineDescriptor();

    assertThat(engine.getDescendants()).isEmpty();
  }

  @Test
  void uniqueIdOfEachTestRediscoversExactlyThatTest() {
    TestDescriptor everything = discover(selectPackage(DISCOVERY_PACKAGE)).getEngineDescriptor();
    List<TestDescriptor> tests =
        everything.getDescendants().stream()
            .filter(TestDescriptor::isTest)
            .map(TestDescriptor.class::cast)
            .toList();
    assertThat(tests).hasSize(ALL_DISCOVERY_FIXTURE_TESTS.size());

    for (TestDescriptor test : tests) {
      TestDescriptor engine = discover(selectUniqueId(test.getUniqueId())).getEngineDescriptor();

      assertThat(testIds(engine))
          .as("re-discovering %s", test.getUniqueId())
          .containsExactly(test.getUniqueId());
      TestDescriptor found = engine.findByUniqueId(test.getUniqueId()).orElseThrow();
      assertThat(found.getSource()).isEqualTo(test.getSource());
      assertThat(found.getParent().orElseThrow().getUniqueId())
          .isEqualTo(test.getParent().orElseThrow().getUniqueId());
    }
  }

  @Test
  void uniqueIdOfAClassRediscoversItsTests() {
    UniqueId classId =
        UniqueId.forEngine("baton").append("class", InheritingScenarios.class.getName());

    TestDescriptor engine = discover(selectUniqueId(classId)).getEngineDescriptor();

    assertThat(engine.findByUniqueId(classId)).isPresent();
    assertThat(tests(engine))
        .containsExactlyInAnyOrder(
            "InheritingScenarios#inheritedTest", "InheritingScenarios#ownTest");
  }

  @Test
  void uniqueIdOfAnUnknownMethodFindsNothing() {
    UniqueId missing =
        UniqueId.forEngine("baton")
            .append("class", TwoTestsFixture.class.getName())
            .append("method", "noSuchMethod()");

    EngineDiscoveryResults results = discover(selectUniqueId(missing));

    assertThat(results.getEngineDescriptor().getDescendants()).isEmpty();
  }

  @Test
  void everyTestHasAMethodSourceAndAClassContainerWithAClassSource() {
    TestDescriptor engine = discover(selectPackage(DISCOVERY_PACKAGE)).getEngineDescriptor();

    for (TestDescriptor test : engine.getDescendants()) {
      if (!test.isTest()) continue;
      assertThat(test.getSource()).get().isInstanceOf(MethodSource.class);
      MethodSource method = (MethodSource) test.getSource().orElseThrow();
      TestDescriptor parent = test.getParent().orElseThrow();
      assertThat(parent.getSource()).get().isInstanceOf(ClassSource.class);
      assertThat(((ClassSource) parent.getSource().orElseThrow()).getClassName())
          .isEqualTo(method.getClassName());
      assertThat(parent.getParent()).contains(engine);
    }
  }

  @Test
  void inheritedMethodsAreTestsOfTheSubclass() {
    TestDescriptor engine = discover(selectClass(InheritingScenarios.class)).getEngineDescriptor();

    TestDescriptor inherited =
        engine.getDescendants().stream()
            .filter(d -> d.getDisplayName().equals("inheritedTest()"))
            .findFirst()
            .orElseThrow();
    MethodSource source = (MethodSource) inherited.getSource().orElseThrow();
    assertThat(source.getClassName()).isEqualTo(InheritingScenarios.class.getName());
    assertThat(source.getJavaMethod().getDeclaringClass()).isEqualTo(AbstractBaseScenarios.class);
    assertThat(tests(engine))
        .containsExactlyInAnyOrder(
            "InheritingScenarios#inheritedTest", "InheritingScenarios#ownTest");
  }

  @Test
  void inheritedMethodSelectedThroughTheSubclassIsATestOfTheSubclass() {
    TestDescriptor engine =
        discover(selectMethod(InheritingScenarios.class.getName() + "#inheritedTest"))
            .getEngineDescriptor();

    assertThat(tests(engine)).containsExactly("InheritingScenarios#inheritedTest");
  }

  @Test
  void abstractClassesAndClassesWithoutTestsAreSkipped() {
    TestDescriptor engine =
        discover(selectClass(AbstractBaseScenarios.class), selectClass(NoTestsHelper.class))
            .getEngineDescriptor();

    assertThat(engine.getDescendants()).isEmpty();
  }

  @Test
  void selectingAClassAlsoSelectsItsNestedTestClasses() {
    TestDescriptor engine = discover(selectClass(OuterFixture.class)).getEngineDescriptor();

    assertThat(tests(engine))
        .containsExactlyInAnyOrder(
            "OuterFixture#outerTest", "OuterFixture$NestedScenarios#nestedTest");
    assertThat(engine.getChildren()).hasSize(2);
  }

  @Test
  void aStaticNestedClassIsAPlainTestClass() {
    TestDescriptor engine =
        discover(selectClass(OuterFixture.NestedScenarios.class)).getEngineDescriptor();

    assertThat(tests(engine)).containsExactly("OuterFixture$NestedScenarios#nestedTest");
  }

  @Test
  void classesOfOtherEnginesAreNotClaimed() {
    assertThat(
            discover(selectClass(EngineDiscoveryTest.class)).getEngineDescriptor().getDescendants())
        .isEmpty();
  }

  private static EngineDiscoveryResults discover(DiscoverySelector... selectors) {
    return EngineTestKit.engine("baton").selectors(selectors).discover();
  }

  private static EngineDiscoveryResults discover(
      List<? extends DiscoverySelector> selectors, Filter<?>... filters) {
    return EngineTestKit.engine("baton").selectors(selectors).filters(filters).discover();
  }

  private static Set<UniqueId> testIds(TestDescriptor root) {
    return root.getDescendants().stream()
        .filter(TestDescriptor::isTest)
        .map(TestDescriptor::getUniqueId)
        .collect(Collectors.toSet());
  }

  /** The tests under {@code root} as {@code ClassNameInPackage#method}. */
  static Set<String> tests(TestDescriptor root) {
    return root.getDescendants().stream()
        .filter(TestDescriptor::isTest)
        .map(d -> (MethodSource) d.getSource().orElseThrow())
        .map(
            s ->
                s.getClassName().substring(s.getClassName().lastIndexOf('.') + 1)
                    + "#"
                    + s.getMethodName())
        .collect(Collectors.toSet());
  }
}
