package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Failures are shortened before they are reported; lenient replay survives a changed program. */
class ShrinkAndLenientReplayTest {
  private static final Pattern TOKEN = Pattern.compile("-Dbaton\\.replay=(\\S+)");

  private static InterleavingFailure explore(Interleavings.Options options, Scenario scenario) {
    InterleavingFailure failure =
        catchThrowableOfType(InterleavingFailure.class, () -> options.explore(scenario));
    assertThat(failure).as("a failure").isNotNull();
    return failure;
  }

  private static InterleavingFailure replay(String token, Scenario scenario) {
    return explore(Interleavings.configure().replay(token), scenario);
  }

  @Test
  void aRandomFailureIsShortenedToOnePreemptionAndBothTokensReplay() {
    Scenario scenario = RegressionScenarios::lostUpdateThenMoreWork;
    InterleavingFailure failure =
        explore(Interleavings.configure().strategy(Strategy.RANDOM).seed(42), scenario);

    assertThat(failure.getMessage())
        .contains("Shortened before reporting: the schedule found first had ")
        .contains("this one fails the same way with 1 preemption and ");
    Matcher tokens = TOKEN.matcher(failure.getMessage());
    assertThat(tokens.find()).isTrue();
    String shortToken = tokens.group(1);
    assertThat(tokens.find()).isTrue();
    String foundToken = tokens.group(1);
    assertThat(shortToken).as("the short schedule comes first").isEqualTo(failure.replayToken());
    assertThat(foundToken).isNotEqualTo(shortToken);

    InterleavingFailure shortReplay = replay(shortToken, scenario);
    assertThat(shortReplay.trace()).isEqualTo(failure.trace());
    assertThat(shortReplay.getCause()).hasMessage(failure.getCause().getMessage());
    InterleavingFailure foundReplay = replay(foundToken, scenario);
    assertThat(foundReplay.kind()).isEqualTo(failure.kind());
    assertThat(foundReplay.getCause()).isInstanceOf(failure.getCause().getClass());
    assertThat(foundReplay.trace().lines().count())
        .as("the schedule found first is the longer one")
        .isGreaterThanOrEqualTo(failure.trace().lines().count());
  }

  @Test
  void shrinkingCanBeTurnedOff() {
    InterleavingFailure failure = explore(Interleavings.configure().strategy(Strategy.RANDOM)
        .seed(42).shrink(0, Duration.ofSeconds(2)), RegressionScenarios::lostUpdateThenMoreWork);
    assertThat(failure.getMessage()).doesNotContain("Shortened before reporting");
    assertThat(TOKEN.matcher(failure.getMessage()).results().count()).isEqualTo(1);
  }

  @Test
  void aShortenedDeadlockIsStillTheSameDeadlock() {
    InterleavingFailure failure = explore(Interleavings.configure().strategy(Strategy.RANDOM)
        .seed(7), Scenarios::synchronizedLockOrderDeadlock);
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
    assertThat(failure.getMessage()).contains("cycle: thread-1 -> thread-2 -> thread-1");
    InterleavingFailure replayed = replay(failure.replayToken(), Scenarios::synchronizedLockOrderDeadlock);
    assertThat(replayed.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
    assertThat(replayed.trace()).isEqualTo(failure.trace());
  }

  // ---- lenient replay ---------------------------------------------------------------------

  /** A token of the two-worker lost update, recorded without shrinking. */
  private static String twoWorkerToken() {
    return explore(Interleavings.configure().strategy(Strategy.RANDOM).seed(3)
        .shrink(0, Duration.ZERO), ExhaustiveSearchScenarios::unlockedIncrements).replayToken();
  }

  @Test
  void strictReplayOfAChangedProgramFailsWithDivergence() {
    InterleavingFailure strict =
        replay(twoWorkerToken(), ExhaustiveSearchScenarios::unlockedIncrementsByThree);
    assertThat(strict.kind()).isEqualTo(InterleavingFailure.Kind.DIVERGENCE);
  }

  @Test
  void lenientReplayOfAChangedProgramContinuesWithTheStrategyAndFindsTheBug() {
    InterleavingFailure lenient = explore(
        Interleavings.configure().replay(twoWorkerToken()).lenientReplay(true).schedules(200),
        ExhaustiveSearchScenarios::unlockedIncrementsByThree);
    assertThat(lenient.kind()).isEqualTo(InterleavingFailure.Kind.EXCEPTION);
    assertThat(lenient.getCause()).hasMessageStartingWith("lost update: x = ");
    assertThat(lenient.getMessage()).contains("Lenient replay (baton.replay.lenient): ")
        .contains("RANDOM chose");
    // Its token replays the new schedule exactly, strictly.
    InterleavingFailure again =
        replay(lenient.replayToken(), ExhaustiveSearchScenarios::unlockedIncrementsByThree);
    assertThat(again.trace()).isEqualTo(lenient.trace());
  }

  @Test
  void lenientReplayOfAnUnchangedProgramIsTheExactReplay() {
    String token = twoWorkerToken();
    InterleavingFailure strict = replay(token, ExhaustiveSearchScenarios::unlockedIncrements);
    InterleavingFailure lenient = explore(Interleavings.configure().replay(token)
        .lenientReplay(true), ExhaustiveSearchScenarios::unlockedIncrements);
    assertThat(lenient.trace()).isEqualTo(strict.trace());
    assertThat(lenient.replayToken()).isEqualTo(token);
    assertThat(lenient.getMessage()).doesNotContain("Lenient replay");
  }

  @Test
  void lenientReplayOfAFixedProgramPassesAndSaysWhatItTried() {
    ExplorationResult result = Interleavings.configure().replay(twoWorkerToken())
        .lenientReplay(true).schedules(25).explore(ExhaustiveSearchScenarios::lockedIncrements);
    assertThat(result.schedules()).isEqualTo(25);
    assertThat(result.note()).startsWith("Lenient replay (baton.replay.lenient): ")
        .contains("25 schedule(s) that follow the token up to there and then let RANDOM choose all"
            + " passed.");
  }
}
