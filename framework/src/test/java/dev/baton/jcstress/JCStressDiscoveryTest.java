package dev.baton.jcstress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.baton.jcstress.fixtures.RacyCounterFixture;
import dev.baton.jcstress.fixtures.StoreBufferingFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Every kind of selector finds {@code @JCStressTest} classes, each once, as a class and a test. */
class JCStressDiscoveryTest {
  private static final Set<String> FIXTURES = Set.of(
      "dev.baton.jcstress.fixtures.RacyCounterFixture",
      "dev.baton.jcstress.fixtures.SeparateStateFixture",
      "dev.baton.jcstress.fixtures.StoreBufferingFixture",
      "dev.baton.jcstress.fixtures.ThrowingActorFixture");

  private static List<TestDescriptor> containers(DiscoverySelector... selectors) {
    TestDescriptor engine = EngineTestKit.engine("baton").selectors(selectors)
        .filters(includeClassNamePatterns(".*\\.jcstress\\.fixtures\\..*"))
        .discover().getEngineDescriptor();
    return List.copyOf(engine.getChildren());
  }

  private static List<String> classNames(List<TestDescriptor> containers) {
    return containers.stream()
        .map(d -> ((ClassSource) d.getSource().orElseThrow()).getClassName()).toList();
  }

  @Test
  void aClassIsAContainerHoldingOneTest() {
    List<TestDescriptor> found = containers(selectClass(RacyCounterFixture.class));
    assertThat(found).singleElement().satisfies(c -> {
      assertThat(c).isInstanceOf(JCStressClassDescriptor.class);
      assertThat(c.getDisplayName()).isEqualTo("RacyCounterFixture");
      assertThat(c.getUniqueId().toString())
          .isEqualTo("[engine:baton]/[jcstress-class:dev.baton.jcstress.fixtures.RacyCounterFixture]");
      assertThat(c.getChildren()).singleElement().satisfies(t -> {
        assertThat(t.isTest()).isTrue();
        assertThat(t).isInstanceOf(JCStressTestDescriptor.class);
      });
    });
  }

  @Test
  void aPackageAndAClassPathRootFindEveryFixtureOnce() {
    assertThat(classNames(containers(selectPackage("dev.baton.jcstress.fixtures"))))
        .containsExactlyInAnyOrderElementsOf(FIXTURES);
    Path root = Path.of(RacyCounterFixture.class.getProtectionDomain().getCodeSource()
        .getLocation().getPath());
    assertThat(classNames(containers(selectClasspathRoots(Set.of(root)).toArray(new DiscoverySelector[0]))))
        .containsExactlyInAnyOrderElementsOf(FIXTURES);
  }

  @Test
  void anActorMethodSelectsItsClass() {
    assertThat(classNames(containers(selectMethod(RacyCounterFixture.class, "actor1"))))
        .containsExactly(RacyCounterFixture.class.getName());
  }

  @Test
  void uniqueIdsOfTheClassAndOfTheTestResolve() {
    UniqueId container = UniqueId.forEngine("baton")
        .append("jcstress-class", StoreBufferingFixture.class.getName());
    assertThat(classNames(containers(selectUniqueId(container))))
        .containsExactly(StoreBufferingFixture.class.getName());
    assertThat(classNames(containers(selectUniqueId(container.append("jcstress", "jcstress")))))
        .containsExactly(StoreBufferingFixture.class.getName());
  }

  @Test
  void theSameClassSelectedTwiceIsOneTest() {
    assertThat(containers(selectClass(RacyCounterFixture.class),
            selectMethod(RacyCounterFixture.class, "actor2"),
            selectPackage("dev.baton.jcstress.fixtures")))
        .hasSize(FIXTURES.size());
  }
}
