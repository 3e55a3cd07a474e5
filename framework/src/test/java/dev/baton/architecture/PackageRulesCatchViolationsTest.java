package dev.baton.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link PackageLayers} fail where they should and pass where they should, shown on
 * small fixture packages under {@code dev.baton.architecture.fixture}: a cycle between the engine
 * and the exploration layer, a runtime hook that names the scheduler, a policy that names the
 * scheduler, and a facade that shares the API package with the value types the scheduler uses (no
 * cycle, thanks to the facade's own slice).
 */
class PackageRulesCatchViolationsTest {
  private static final String FIXTURES = "dev.baton.architecture.fixture";

  @Test
  void aCycleBetweenEngineAndExplorationIsReported() {
    String root = FIXTURES + ".cyclic";
    EvaluationResult result = PackageLayers.noCycles(root).evaluate(classesUnder(root));

    assertThat(result.hasViolation()).isTrue();
    assertThat(String.join("\n", result.getFailureReport().getDetails()))
        .contains("Cycle detected: Slice engine -> \n                Slice scheduler -> \n")
        .contains("CyclicExplorer.explore").contains("CyclicEngine.execute");
  }

  @Test
  void theCycleIsAlsoAnUpwardReferenceOfTheLayers() {
    String root = FIXTURES + ".cyclic";
    EvaluationResult result = layers(root).evaluate(classesUnder(root));

    assertThat(result.hasViolation()).isTrue();
    // Only the scheduler's references up are reported; the engine using the scheduler is allowed.
    assertThat(result.getFailureReport().getDetails())
        .allSatisfy(d -> assertThat(d).startsWith("Method <" + root + ".scheduler.CyclicExplorer.explore"))
        .anySatisfy(d -> assertThat(d).contains("calls method <" + root + ".engine.CyclicEngine.reportDone()>"));
  }

  @Test
  void theRuntimeNamingTheSchedulerBreaksTheLayersWithoutACycle() {
    String root = FIXTURES + ".upward";
    JavaClasses classes = classesUnder(root);

    assertThat(PackageLayers.noCycles(root).evaluate(classes).hasViolation()).isFalse();
    EvaluationResult layered = layers(root).evaluate(classes);
    assertThat(layered.hasViolation()).isTrue();
    assertThat(layered.getFailureReport().getDetails())
        .singleElement(STRING)
        .contains("UpwardHook.yieldNow()", "UpwardScheduler.yieldNow()");
  }

  @Test
  void aPolicyThatNamesTheSchedulerIsACycleAndAnUpwardReference() {
    // Why the strategies are a first-level package: as a subpackage of scheduler, they would share
    // its slice, and the cycle between the two would go unseen.
    String root = FIXTURES + ".policy";
    JavaClasses classes = classesUnder(root);

    EvaluationResult cycles = PackageLayers.noCycles(root).evaluate(classes);
    assertThat(cycles.hasViolation()).isTrue();
    assertThat(String.join("\n", cycles.getFailureReport().getDetails()))
        .contains("PeekingPolicy.pickThread").contains("PolicyScheduler.pickNext");
    EvaluationResult layered = layers(root).evaluate(classes);
    assertThat(layered.hasViolation()).isTrue();
    // Only the policy's reference up is reported; the scheduler asking its policy is allowed.
    assertThat(layered.getFailureReport().getDetails())
        .singleElement(STRING)
        .contains("PeekingPolicy.pickThread()", "PolicyScheduler.running()");
  }

  @Test
  void aFacadeBesideTheValueTypesItsSchedulerUsesIsNoCycle() {
    String root = FIXTURES + ".facade";
    JavaClasses classes = classesUnder(root);

    assertThat(PackageLayers.noCycles(root).evaluate(classes).hasViolation()).isFalse();
    assertThat(layers(root).evaluate(classes).hasViolation()).isFalse();
  }

  @Test
  void withoutTheFacadeSliceTheSamePackagesWouldCountAsACycle() {
    // Why PackageLayers gives the facade a slice of its own: by package alone, the API package
    // uses the scheduler (through the facade) and the scheduler uses the API package (its values).
    String root = FIXTURES + ".facade";
    SliceAssignment byPackageAlone = new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        return SliceIdentifier.of(javaClass.getPackageName());
      }

      @Override
      public String getDescription() {
        return "one slice per package";
      }
    };
    ArchRule byPackage = slices().assignedFrom(byPackageAlone).should().beFreeOfCycles();

    assertThat(byPackage.evaluate(classesUnder(root)).hasViolation()).isTrue();
    assertThat(PackageLayers.noCycles(root).evaluate(classesUnder(root)).hasViolation()).isFalse();
  }

  private static ArchRule layers(String root) {
    // The fixtures fill only the layers they need.
    return PackageLayers.direction(root).withOptionalLayers(true);
  }

  private static JavaClasses classesUnder(String root) {
    JavaClasses classes = new ClassFileImporter().importPackages(root);
    assertThat(classes).as("fixture classes under " + root).isNotEmpty();
    return classes;
  }
}
