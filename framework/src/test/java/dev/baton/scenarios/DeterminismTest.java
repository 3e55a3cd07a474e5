package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What usually differs from run to run (identity hashes, random numbers) is the same in every run
 * of a schedule, so replays do not diverge; what Baton cannot repeat is named when they do.
 */
class DeterminismTest {

  @Test
  void identityHashesAndHashOrderAreTheSameInEveryRunOfASchedule() {
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();

    Interleavings.configure().schedules(5).seed(7).explore(() -> DeterminismScenarios.hashOrder(first));
    Interleavings.configure().schedules(5).seed(7).explore(() -> DeterminismScenarios.hashOrder(second));

    assertThat(first).hasSize(5).isEqualTo(second);
  }

  @Test
  void randomNumbersComeFromTheSchedulesSeed() {
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> again = new CopyOnWriteArrayList<>();
    List<String> otherSeed = new CopyOnWriteArrayList<>();

    Interleavings.configure().schedules(3).seed(7).explore(() -> DeterminismScenarios.randomNumbers(first));
    Interleavings.configure().schedules(3).seed(7).explore(() -> DeterminismScenarios.randomNumbers(again));
    Interleavings.configure().schedules(3).seed(8).explore(() -> DeterminismScenarios.randomNumbers(otherSeed));

    assertThat(first).hasSize(3).isEqualTo(again);
    assertThat(first).doesNotContainAnyElementsOf(otherSeed);
    assertThat(first).doesNotHaveDuplicates(); // each schedule draws its own numbers
  }

  @Test
  void aClassInitialisedInAnEarlierScheduleDoesNotChangeTheReplayOfALaterOne() {
    InterleavingFailure failure = null;
    for (long seed = 1; failure == null || failure.schedule() < 2; seed++) {
      long s = seed;
      failure = catchThrowableOfType(InterleavingFailure.class,
          () -> Interleavings.configure().seed(s).explore(DeterminismScenarios::initialiserThenUnluckySchedule));
    }
    InterleavingFailure found = failure;

    // The replay runs in a new loader, where the initialiser runs again: it must not show.
    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(found.replayToken())
            .explore(DeterminismScenarios::initialiserThenUnluckySchedule));

    assertThat(replayed).isNotNull();
    assertThat(replayed.trace()).isEqualTo(found.trace());
    assertThat(replayed.getCause()).hasMessage(found.getCause().getMessage());
  }

  @Test
  void aDivergenceNamesTheCallsBatonCannotRepeat() {
    InterleavingFailure recorded = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().seed(3).explore(DeterminismScenarios::identityThenLostUpdate));
    assertThat(recorded).isNotNull();

    // The same token on a program that starts a different number of threads cannot apply.
    InterleavingFailure diverged = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(recorded.replayToken())
            .explore(() -> DeterminismScenarios.identityThenWorkers(1)));

    assertThat(diverged.kind()).isEqualTo(InterleavingFailure.Kind.DIVERGENCE);
    assertThat(diverged.getMessage())
        .contains("it called what Baton cannot repeat: System.identityHashCode at"
            + " DeterminismScenarios.identityThenWorkers(DeterminismScenarios.java:");
  }
}
