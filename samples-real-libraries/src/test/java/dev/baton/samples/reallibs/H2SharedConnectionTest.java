package dev.baton.samples.reallibs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ExplorationResult;
import dev.baton.Interleavings;
import org.junit.jupiter.api.Test;

/**
 * H2 2.2.224 runs under Baton, and a correct use of it is not reported: two threads sharing one
 * connection both increment the row in every schedule. Three schedules (an explicit budget): each
 * runs H2's whole engine, 1.5 to 5 s a schedule here.
 */
class H2SharedConnectionTest {

  @Test
  void bothIncrementsLandInEverySchedule() {
    ExplorationResult result = Interleavings.configure().schedules(3).explore(() ->
        assertThat(H2Scenarios.twoThreadsIncrementOverOneConnection()).isEqualTo(2));

    assertThat(result.schedules()).isEqualTo(3);
  }
}
