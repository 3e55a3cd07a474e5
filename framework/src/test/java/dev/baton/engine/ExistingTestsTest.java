package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.baton.InterleavingFailure;
import dev.baton.engine.fixtures.jupiter.BrokenJUnit4Fixture;
import dev.baton.engine.fixtures.jupiter.CorrectJupiterCounter;
import dev.baton.engine.fixtures.jupiter.IncludedByKey;
import dev.baton.engine.fixtures.jupiter.ParameterizedJUnit4Counter;
import dev.baton.engine.fixtures.jupiter.PartlyExploredJupiter;
import dev.baton.engine.fixtures.jupiter.RacyJUnit4Counter;
import dev.baton.engine.fixtures.jupiter.RacyJupiterCounter;
import dev.baton.engine.fixtures.jupiter.TimedAndTaggedJupiter;
import dev.baton.engine.fixtures.jupiter.TimedJUnit4Counter;
import dev.baton.existing.ExploreSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Existing JUnit Jupiter and JUnit 4 tests under Baton, run through the JUnit Platform launcher with every
 * engine and filter it finds on the class path, as Surefire, Gradle and IDEs run them: each test
 * Baton explores runs under Baton's engine only, once per schedule, with Jupiter's lifecycle.
 */
class ExistingTestsTest {

  /** One finished test: the engine that ran it, its name and its result. */
  record Finished(String engine, String name, TestExecutionResult result) {
    String status() {
      return result.getStatus().name();
    }
  }

  @Test
  void aRacyTestAnnotatedOnlyAtTheClassFailsUnderBatonWithAReplayThatReproducesIt() {
    List<Finished> first = run(Map.of(), selectClass(RacyJupiterCounter.class));
    assertThat(first).extracting(Finished::engine).containsOnly("baton");
    assertThat(first).singleElement().satisfies(f -> assertThat(f.status()).isEqualTo("FAILED"));
    InterleavingFailure failure = (InterleavingFailure) first.get(0).result().getThrowable().get();
    assertThat(failure.getMessage()).contains("lost update").contains("-Dbaton.replay=")
        .contains("mvn test -Dtest=RacyJupiterCounter#twoThreadsIncrement")
        .doesNotContain("gradlew"); // not a Gradle test worker

    List<Finished> replayed = run(Map.of("baton.replay", failure.replayToken()),
        selectMethod(RacyJupiterCounter.class, "twoThreadsIncrement"));
    assertThat(replayed).singleElement().satisfies(f -> assertThat(f.status()).isEqualTo("FAILED"));
    InterleavingFailure again = (InterleavingFailure) replayed.get(0).result().getThrowable().get();
    assertThat(again.trace()).isEqualTo(failure.trace());
  }

  @Test
  void theCorrectTwinPassesWithItsWholeLifecycleInEverySchedule() {
    List<Finished> finished = run(Map.of(), selectClass(CorrectJupiterCounter.class));
    assertThat(finished).extracting(Finished::name).containsExactlyInAnyOrder(
        "atomicIncrementsNeverLoseOne(Path)",
        "repeatedTestsRunTheirFirstRepetitionInEachSchedule(RepetitionInfo)",
        "nestedTestsAreExploredToo()");
    assertThat(finished).allSatisfy(f -> {
      assertThat(f.engine()).isEqualTo("baton");
      assertThat(f.result().getThrowable()).isEmpty();
      assertThat(f.status()).isEqualTo("SUCCESSFUL");
    });
  }

  /**
   * An IDE re-runs one test by its Jupiter unique id: it must run under Baton, never under Jupiter
   * with real threads (where the race would pass unseen); an id of a test Baton does not explore
   * stays with Jupiter.
   */
  @Test
  void aJupiterUniqueIdOfAnExploredTestRunsUnderBatonOnly() {
    String jupiterClass = "[engine:junit-jupiter]/[class:" + RacyJupiterCounter.class.getName() + "]";
    List<Finished> method = run(Map.of(),
        selectUniqueId(jupiterClass + "/[method:twoThreadsIncrement()]"));
    assertThat(method).extracting(f -> f.engine() + " " + f.name() + " " + f.status())
        .containsExactly("baton twoThreadsIncrement() FAILED");

    List<Finished> wholeClass = run(Map.of(), selectUniqueId(jupiterClass));
    assertThat(wholeClass).extracting(f -> f.engine() + " " + f.name() + " " + f.status())
        .containsExactly("baton twoThreadsIncrement() FAILED");

    List<Finished> neighbour = run(Map.of(), selectUniqueId("[engine:junit-jupiter]/[class:"
        + PartlyExploredJupiter.class.getName() + "]/[method:runByJupiter()]"));
    assertThat(neighbour).extracting(f -> f.engine() + " " + f.name() + " " + f.status())
        .containsExactly("junit-jupiter runByJupiter() SUCCESSFUL");
  }

  @Test
  void aMethodWithBothAnnotationsRunsUnderBatonOnlyAndItsNeighbourUnderJupiter() {
    List<Finished> finished = run(Map.of(), selectClass(PartlyExploredJupiter.class));
    assertThat(finished).extracting(f -> f.engine() + " " + f.name() + " " + f.status())
        .containsExactlyInAnyOrder(
            "baton exploredByBaton() SUCCESSFUL", "junit-jupiter runByJupiter() SUCCESSFUL");
  }

  @Test
  void theIncludeKeyPutsAnUnannotatedTestUnderBatonWhichFindsItsRace() {
    List<Finished> unselected = run(Map.of(), selectClass(IncludedByKey.class));
    assertThat(unselected).extracting(Finished::engine).containsOnly("junit-jupiter");

    String previous = System.setProperty(ExploreSelection.KEY, "IncludedByKey#racy*");
    try {
      List<Finished> selected =
          run(Map.of("baton.seed", "3"), selectClass(IncludedByKey.class));
      assertThat(selected).extracting(f -> f.engine() + " " + f.name() + " " + f.status())
          .containsExactlyInAnyOrder(
              "baton racyIncrement() FAILED", "junit-jupiter notSelected() SUCCESSFUL");
    } finally {
      if (previous == null) System.clearProperty(ExploreSelection.KEY);
      else System.setProperty(ExploreSelection.KEY, previous);
    }
  }

  @Test
  void anExistingJUnit4TestRunsUnderBatonOnlyWhichFindsAndReplaysItsRace() {
    List<Finished> first = run(Map.of(), selectClass(RacyJUnit4Counter.class));
    assertThat(first).extracting(f -> f.engine() + " " + f.name() + " " + f.status())
        .containsExactlyInAnyOrder(
            "baton twoThreadsIncrement() FAILED", "baton onlyOneThread() SUCCESSFUL");
    InterleavingFailure failure = first.stream().filter(f -> f.status().equals("FAILED"))
        .map(f -> (InterleavingFailure) f.result().getThrowable().get()).findFirst().get();
    assertThat(failure.getMessage()).contains("lost update").contains("-Dbaton.replay=");

    List<Finished> replayed = run(Map.of("baton.replay", failure.replayToken()),
        selectMethod(RacyJUnit4Counter.class, "twoThreadsIncrement"));
    assertThat(replayed).singleElement().satisfies(f -> assertThat(f.status()).isEqualTo("FAILED"));
    assertThat(((InterleavingFailure) replayed.get(0).result().getThrowable().get()).trace())
        .isEqualTo(failure.trace());
  }

  @Test
  void shortTimeoutsAndParameterizedRunnersOfCorrectTestsDoNotFailUnderBaton() {
    List<Finished> finished = run(Map.of(), selectClass(TimedAndTaggedJupiter.class),
        selectClass(ParameterizedJUnit4Counter.class), selectClass(TimedJUnit4Counter.class));
    assertThat(finished).as(() -> finished.stream()
            .map(f -> f.result().getThrowable().map(Throwable::getMessage).orElse("")).toList()
            .toString())
        .extracting(f -> f.engine() + " " + f.name() + " " + f.status())
        .containsExactlyInAnyOrder(
            "baton atomicIncrementsWithATimeout() SUCCESSFUL",
            "baton atomicAddsNeverLoseOne() SUCCESSFUL",
            "baton atomicIncrementsWithATimeout() SUCCESSFUL");
  }

  @Test
  void aTagFilterSelectsTheBatonTestAsItWouldTheJupiterOne() {
    List<Finished> finished = run(Map.of(), List.of(TagFilter.includeTags("slow")),
        selectClass(TimedAndTaggedJupiter.class), selectClass(CorrectJupiterCounter.class));
    assertThat(finished).extracting(f -> f.engine() + " " + f.name())
        .containsExactly("baton atomicIncrementsWithATimeout()");
  }

  @Test
  void theIncludeKeyAsAConfigurationParameterRunsTheTestUnderBatonOnly() {
    List<Finished> selected = run(
        Map.of(ExploreSelection.KEY, "IncludedByKey#racy*", "baton.seed", "3"),
        selectClass(IncludedByKey.class));
    assertThat(selected).extracting(f -> f.engine() + " " + f.name() + " " + f.status())
        .containsExactlyInAnyOrder(
            "baton racyIncrement() FAILED", "junit-jupiter notSelected() SUCCESSFUL");
  }

  @Test
  void aTestJUnitCannotRunIsAMisuseNotAConcurrencyBug() {
    List<Finished> finished = run(Map.of(), selectClass(BrokenJUnit4Fixture.class));
    // JUnit Vintage reports the invalid class as well, as it would without Baton.
    assertThat(finished).filteredOn(f -> f.engine().equals("baton")).singleElement().satisfies(f -> {
      assertThat(f.engine()).isEqualTo("baton");
      assertThat(f.status()).isEqualTo("FAILED");
      assertThat(f.result().getThrowable().orElseThrow())
          .isInstanceOf(BatonMisuseException.class)
          .hasMessageContaining("JUnit 4 cannot run")
          .hasMessageContaining("should be void");
    });
  }

  @Test
  void aMalformedIncludeKeyIsRejectedNamingTheKey() {
    assertThat(org.assertj.core.api.Assertions.catchThrowable(
            () -> ExploreSelection.parse("com.acme.Foo#bar#baz")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baton.explore.include")
        .hasMessageContaining("com.acme.Foo#bar#baz");
  }

  @Test
  void includePatternsMatchSimpleAndQualifiedNamesWithWildcards() {
    ExploreSelection selection = ExploreSelection.parse(" *Counter , dev.baton.engine.*#run* ");
    assertThat(selection.includes(RacyJupiterCounter.class, "anything")).isTrue();
    assertThat(selection.includes(PartlyExploredJupiter.class, "runByJupiter")).isTrue();
    assertThat(selection.includes(PartlyExploredJupiter.class, "exploredByBaton")).isFalse();
    assertThat(selection.includes(IncludedByKey.class, "racyIncrement")).isFalse();
    assertThat(ExploreSelection.parse("").isEmpty()).isTrue();
    assertThat(dev.baton.config.ConfigKey.EXPLORE_INCLUDE.key()).isEqualTo(ExploreSelection.KEY);
  }

  private static List<Finished> run(
      Map<String, String> configuration, DiscoverySelector... selectors) {
    return run(configuration, List.of(), selectors);
  }

  private static List<Finished> run(Map<String, String> configuration,
      List<org.junit.platform.launcher.PostDiscoveryFilter> filters,
      DiscoverySelector... selectors) {
    List<Finished> finished = new ArrayList<>();
    TestExecutionListener listener = new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) return;
        String engine = test.getUniqueIdObject().getEngineId().orElse("?");
        finished.add(new Finished(engine, test.getDisplayName(), result));
      }
    };
    LauncherFactory.create().execute(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectors)
            .filters(filters.toArray(new org.junit.platform.engine.Filter<?>[0]))
            .configurationParameters(configuration)
            .build(),
        listener);
    return finished;
  }
}
