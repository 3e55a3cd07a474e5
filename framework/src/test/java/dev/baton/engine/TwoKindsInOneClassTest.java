package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.baton.engine.fixtures.twokinds.CounterWithBothKinds;
import dev.baton.engine.fixtures.twokinds.InterleavingsWithNestedJCStressFixture;
import dev.baton.engine.fixtures.twokinds.JCStressWithInterleavingFixture;
import dev.baton.engine.fixtures.twokinds.NestedKindsFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A {@code @JCStressTest} class with {@code @ExploreInterleavings} methods: each kind is found,
 * and a method selector of such a method selects that test, not the JCStress run.
 *
 * <p>A {@code @CheckLinearizability} class that also has {@code @ExploreInterleavings} methods: both
 * kinds of test are discovered, whatever the selector, and none is dropped silently. The methods
 * run; the spec's modes fail, saying to move those methods to a class of their own. (Before, a
 * class selector found only the modes, and a method selector of such a method found nothing.)
 */
class TwoKindsInOneClassTest {

  private static List<String> tests(DiscoverySelector selector) {
    return EngineTestKit.engine("baton").selectors(selector).discover().getEngineDescriptor()
        .getDescendants().stream()
        .filter(TestDescriptor::isTest)
        .map(TestDescriptor::getDisplayName)
        .toList();
  }

  @Test
  void aClassSelectorFindsTheLinearizabilityModeAndTheInterleavingTest() {
    assertThat(tests(selectClass(CounterWithBothKinds.class)))
        .containsExactlyInAnyOrder("baton", "twoIncrementsCountTwo()");
  }

  @Test
  void aPackageScanFindsBoth() {
    assertThat(tests(selectPackage("dev.baton.engine.fixtures.twokinds")))
        .containsExactlyInAnyOrder("baton", "twoIncrementsCountTwo()",
            "jcstress", "readsWhatWasWritten()", "jcstress", "baton", "writes()", "jcstress");
  }

  @Test
  void selectingTheOuterClassFindsNestedJCStressTestsAndSpecs() {
    assertThat(tests(selectClass(NestedKindsFixture.class)))
        .containsExactlyInAnyOrder("jcstress", "baton");
  }

  @Test
  void aNestedJCStressTestRunsUnderItsJCStressName() {
    // JCStress names a nested test Outer.Nested, not Outer$Nested; Baton's analysis alone here.
    var events = EngineTestKit.engine("baton")
        .selectors(selectClass(NestedKindsFixture.NestedJCStress.class))
        .configurationParameter("baton.jcstress.mode", "interleavings")
        .execute().testEvents();
    assertThat(events.failed().list()).isEmpty();
    events.assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void aJCStressTestNestedInAnInterleavingTestClassIsAContainerOfTheEngine() {
    TestDescriptor engine = EngineTestKit.engine("baton")
        .selectors(selectClass(InterleavingsWithNestedJCStressFixture.class),
            selectClass(InterleavingsWithNestedJCStressFixture.Inner.class))
        .discover().getEngineDescriptor();
    // The JCStress bridge runs the engine's JCStress containers: one deeper would never run.
    assertThat(engine.getChildren()).extracting(d -> d.getUniqueId().getLastSegment().getType())
        .containsExactlyInAnyOrder("class", "jcstress-class");
    assertThat(engine.getDescendants()).filteredOn(TestDescriptor::isTest)
        .extracting(TestDescriptor::getDisplayName)
        .containsExactlyInAnyOrder("writes()", "jcstress");
  }

  @Test
  void theUniqueIdOfAJCStressTestSelectsItAlone() {
    assertThat(tests(selectUniqueId(UniqueId.forEngine("baton")
        .append("jcstress-class", JCStressWithInterleavingFixture.class.getName())
        .append("jcstress", "jcstress"))))
        .containsExactly("jcstress");
  }

  @Test
  void aNestedSpecRuns() {
    EngineTestKit.engine("baton")
        .selectors(selectClass(NestedKindsFixture.NestedSpec.class)).execute()
        .testEvents().assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void aJCStressClassSelectorFindsTheJCStressTestAndTheInterleavingTest() {
    assertThat(tests(selectClass(JCStressWithInterleavingFixture.class)))
        .containsExactlyInAnyOrder(
            "jcstress", "readsWhatWasWritten()");
  }

  @Test
  void aMethodSelectorOfTheInterleavingTestInAJCStressClassFindsThatTestOnly() {
    assertThat(tests(selectMethod(JCStressWithInterleavingFixture.class, "readsWhatWasWritten")))
        .containsExactly("readsWhatWasWritten()");
  }

  @Test
  void aMethodSelectorFindsTheInterleavingTest() {
    assertThat(tests(selectMethod(CounterWithBothKinds.class, "twoIncrementsCountTwo")))
        .containsExactly("twoIncrementsCountTwo()");
  }

  @Test
  void theInterleavingTestOfAJCStressClassRunsOnItsOwn() {
    EngineTestKit.engine("baton")
        .selectors(selectMethod(JCStressWithInterleavingFixture.class, "readsWhatWasWritten"))
        .execute().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void theInterleavingTestRunsAndTheModeFailsNamingTheFix() {
    var events = EngineTestKit.engine("baton")
        .selectors(selectClass(CounterWithBothKinds.class)).execute().testEvents();
    events.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    assertThat(events.succeeded().list()).singleElement()
        .satisfies(e -> assertThat(e.getTestDescriptor().getDisplayName())
            .isEqualTo("twoIncrementsCountTwo()"));
    assertThat(events.failed().list()).singleElement().satisfies(e -> {
      assertThat(e.getTestDescriptor().getDisplayName()).isEqualTo("baton");
      assertThat(e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
          .hasMessageContaining("the class has @ExploreInterleavings methods too")
          .hasMessageContaining("move those tests to a class of their own");
    });
  }
}
