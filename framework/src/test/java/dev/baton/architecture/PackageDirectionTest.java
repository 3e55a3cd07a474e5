package dev.baton.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.baton.Strategy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Baton's own packages point one way (issue 13): the rules of {@link PackageLayers} hold for every
 * class under {@code dev.baton} in {@code framework/src/main}. {@link PackageRulesCatchViolationsTest}
 * shows that the same rules fail on a cycle and on an upward reference.
 */
class PackageDirectionTest {
  private static final String ROOT = "dev.baton";
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void theImportSeesEveryPackageOfBaton() {
    // Guards against a rule that passes because it saw nothing.
    assertThat(main.stream().map(c -> c.getPackageName()).distinct()).contains(ROOT,
        ROOT + ".config", ROOT + ".engine", ROOT + ".existing", ROOT + ".instrument",
        ROOT + ".jcstress", ROOT + ".lincheck", ROOT + ".report", ROOT + ".runtime",
        ROOT + ".scheduler", ROOT + ".strategy");
    assertThat(main.stream().map(c -> c.getSource().map(s -> s.getUri().toString()).orElse("")))
        .noneMatch(uri -> uri.contains("test-classes"));
  }

  @Test
  void packagesHaveNoCycles() {
    PackageLayers.noCycles(ROOT).check(main);
  }

  @Test
  void eachLayerUsesOnlyTheLayersBelowIt() {
    PackageLayers.direction(ROOT).check(main);
  }

  /**
   * Config may name {@code Strategy} (it parses the key's value). In source, ExploreInterleavings
   * also imports config's Defaults for its attribute defaults, but those are constants the compiler
   * inlines, so no class of the API names config: no cycle between classes. That source-only import
   * is accepted because the annotation must take its defaults from the one place of defaults.
   */
  @Test
  void configurationUsesNothingOfTheApiButStrategy() {
    noClasses().that().resideInAPackage(ROOT + ".config..")
        .should().dependOnClassesThat(resideInAPackage(ROOT).and(type(Strategy.class).negate()))
        .because("dev.baton.config is a leaf that every layer reads; it parses the strategy's name")
        .check(main);
  }
}
