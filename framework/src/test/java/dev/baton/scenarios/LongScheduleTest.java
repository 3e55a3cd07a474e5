package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Non-termination means non-termination: long correct schedules pass at the default step bound,
 * while livelocks and endless loops are still reported, before that bound when their steps repeat,
 * and the report says which of the two it found.
 */
class LongScheduleTest {

  @Test
  void aCorrectHalfMillionStepScenarioPassesAtTheDefaults() {
    ExplorationResult result = Interleavings.configure().schedules(2).seed(1)
        .explore(() -> LongScenarios.countTogether(90_000));

    assertThat(result.schedules()).isEqualTo(2);
    assertThat(result.coverage().longestSchedule()).isGreaterThan(500_000);
  }

  @Test
  void aCorrectMillionStepScenarioPassesAtTheDefaults() {
    ExplorationResult result = Interleavings.configure().schedules(1).seed(3)
        .explore(() -> LongScenarios.countTogether(170_000));

    assertThat(result.coverage().longestSchedule()).isGreaterThan(1_000_000);
  }

  @Test
  void aFailureAfterAMillionStepsReportsTheHeadAndTheTailAndHowManyStepsItDropped() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().schedules(1).seed(3)
            .explore(() -> LongScenarios.failAfter(400_000)));

    assertThat(failure).isNotNull();
    assertThat(failure.kind()).isEqualTo(Kind.EXCEPTION);
    assertThat(failure.getMessage()).contains("counted to 400000");
    Matcher header = Pattern.compile("Interleaving \\((\\d+) steps, 1 thread; -> marks a switch"
        + "(; folded)?; steps 10,001 to ([\\d,]+) not kept\\):\n").matcher(failure.getMessage());
    assertThat(header.find()).as("the interleaving's header says what was not kept").isTrue();
    int total = Integer.parseInt(header.group(1));
    int lastDropped = Integer.parseInt(header.group(3).replace(",", ""));
    assertThat(total).isGreaterThan(1_000_000);
    // Kept: the first 10,000 steps and the last 100,000, whatever the length.
    assertThat(total - (lastDropped - 10_000)).isEqualTo(110_000);
  }

  @Test
  void aSpinThatWaitsForAThreadMakingProgressIsNotALivelock() {
    ExplorationResult result = Interleavings.configure().schedules(3).seed(2)
        .explore(() -> LongScenarios.spinWhileAnotherWorks(200_000));

    assertThat(result.schedules()).isEqualTo(3);
  }

  @Test
  void aLoopCountingInALocalOverUnchangedFieldsIsNotANonTermination() {
    ExplorationResult result = Interleavings.configure().schedules(2).seed(4)
        .explore(() -> LongScenarios.countLocallyOverUnchangedFields(200_000));

    assertThat(result.schedules()).isEqualTo(2);
    // Its worker repeats one cycle of unchanged reads for far more than the old 20,000 steps.
    assertThat(result.coverage().longestSchedule()).isGreaterThan(600_000);
  }

  @Test
  void twoThreadsWaitingForEachOtherAreALivelockReportedBeforeTheBound() {
    InterleavingFailure failure = loop(LongScenarios::waitForEachOther);

    assertThat(failure.getMessage().lines().findFirst().orElseThrow())
        .containsPattern("polite-[ab] seems not to terminate: it repeats a cycle of \\d+ steps?")
        .contains("no other thread can change them (a livelock or an endless loop; last at "
            + "LongScenarios.lambda$waitForEachOther$");
  }

  @Test
  void aBusyWaitOnAFlagNobodySetsIsReportedBeforeTheBound() {
    InterleavingFailure failure = loop(LongScenarios::busyWaitOnAFlagNobodySets);

    assertThat(failure.getMessage())
        .startsWith("waiter seems not to terminate: it repeats a cycle of")
        .contains("waiter was looping here:")
        .contains("LongScenarios.lambda$busyWaitOnAFlagNobodySets$");
  }

  @Test
  void aBusyWaitOnAStaticFlagIsReportedBeforeTheBound() {
    InterleavingFailure failure = loop(LongScenarios::busyWaitOnAStaticFlag);

    assertThat(failure.getMessage()).startsWith("main seems not to terminate: it repeats a cycle of");
  }

  @Test
  void anEndlessWalkOfACyclicListIsReportedBeforeTheBound() {
    InterleavingFailure failure = loop(LivenessScenarios::loopThroughAGetter);

    assertThat(failure.getMessage()).startsWith("main seems not to terminate: it repeats a cycle of");
  }

  @Test
  void aLoopThatAlwaysProgressesIsReportedAtTheBoundAndSaysSo() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().schedules(1).maxSteps(200_000)
            .explore(LongScenarios::countForever));

    assertThat(failure).isNotNull();
    assertThat(failure.kind()).isEqualTo(Kind.NON_TERMINATION);
    assertThat(failure.getMessage())
        .startsWith("the schedule took more than 200000 scheduling points (maxSteps): main seems"
            + " not to terminate")
        .contains("no cycle without progress was seen; raise maxSteps");
  }

  /**
   * Explores with a bound of 200,000 steps, so that a loop reported as a cycle was found before
   * it (the bound's message differs).
   */
  private static InterleavingFailure loop(Scenario scenario) {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().schedules(3).seed(5).maxSteps(200_000).explore(scenario));
    assertThat(failure).as("Baton should report the loop").isNotNull();
    assertThat(failure.kind()).isEqualTo(Kind.NON_TERMINATION);
    return failure;
  }
}
