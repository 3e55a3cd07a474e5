package dev.baton.jcstress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.jcstress.InterleavingAnalysis.Reachable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How observed outcomes are marked against the interleaving analysis. */
class OutcomeTableTest {
  private static final ObservedTest.Grade OK = new ObservedTest.Grade("Acceptable", false, false, "ok");
  private static final ObservedTest.Grade SB = new ObservedTest.Grade("Interesting", false, true, "sb");

  private static ObservedTest observed() {
    return new ObservedTest("T", "NORMAL", true, List.of(
        new ObservedTest.Row("0, 0", 1_601_131, SB),
        new ObservedTest.Row("0, 1", 42, OK)), List.of(), List.of(), List.of());
  }

  private static Reachable reachable(boolean complete, String... outcomes) {
    return new Reachable(new LinkedHashSet<>(List.of(outcomes)), complete, 504, null, null, false);
  }

  @Test
  void anOutcomeNoCompleteAnalysisReachedIsAReordering() {
    String table = OutcomeTable.of(observed(), reachable(true, "0, 1", "1, 0", "1, 1"), o -> OK)
        .render();
    assertThat(table).isEqualTo("""
          RESULT    SAMPLES  EXPECT       INTERLEAVING                  DESCRIPTION
            0, 0  1,601,131  Interesting  memory-model reordering only  sb
            0, 1         42  Acceptable   reachable by interleaving     ok
            1, 0          0  Acceptable   reachable by interleaving     ok
            1, 1          0  Acceptable   reachable by interleaving     ok
        """);
  }

  @Test
  void anIncompleteAnalysisClaimsNoReordering() {
    List<OutcomeTable.Line> lines =
        OutcomeTable.of(observed(), reachable(false, "0, 1"), o -> OK).lines();
    assertThat(lines.get(0).interleaving()).isEqualTo("not reached in 504 interleavings");
  }

  @Test
  void withoutJCStressOnlyBatonsOutcomesAreListed() {
    List<OutcomeTable.Line> lines =
        OutcomeTable.of(null, reachable(true, "1, 0", "0, 1"), o -> OK).lines();
    assertThat(lines).extracting(OutcomeTable.Line::outcome).containsExactly("0, 1", "1, 0");
    assertThat(lines).allSatisfy(l -> assertThat(l.samples()).isNull());
    assertThat(Set.copyOf(lines.stream().map(OutcomeTable.Line::interleaving).toList()))
        .containsExactly(OutcomeTable.REACHABLE);
  }
}
