package dev.baton.benchmarks.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Strategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The corpus is what it claims: every program's bug is real (Baton finds it), and the same
 * program with the bug fixed passes. The programs of many threads are left to {@code ./bench.sh
 * detect}: their schedules are too slow for a unit test.
 */
class CorpusTest {
  @ParameterizedTest
  @EnumSource(value = Corpus.class, mode = EnumSource.Mode.EXCLUDE,
      names = {"WRITERS_9", "WRITERS_10_10", "WRITERS_49", "WRITERS_99", "TWO_STAGE_99"})
  void theBugIsFoundAndTheFixedProgramPassesEverySchedule(Corpus program) {
    InterleavingFailure found = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(Strategy.PORTFOLIO).seed(1).schedules(300)
            .explore(program.bug));
    assertThat(found).as(program.label + ": the bug within 300 schedules").isNotNull();
    assertThat(found.kind()).isNotIn(InterleavingFailure.Kind.UNCONTROLLED,
        InterleavingFailure.Kind.DIVERGENCE);

    ExplorationResult fixed = Interleavings.configure().strategy(Strategy.PORTFOLIO).seed(1)
        .schedules(40).explore(program.fixed);
    assertThat(fixed.schedules()).isEqualTo(40);
  }

  @ParameterizedTest
  @EnumSource(value = Corpus.class, names = {"WRITERS_9", "TWO_STAGE_99"})
  void aFixedProgramOfManyThreadsPassesToo(Corpus program) {
    ExplorationResult fixed = Interleavings.configure().strategy(Strategy.RANDOM).seed(1)
        .schedules(5).explore(program.fixed);
    assertThat(fixed.schedules()).isEqualTo(5);
  }
}
