package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Interleavings;
import org.junit.jupiter.api.Test;

/**
 * A thread whose end the trace shows is not alive for the thread that runs next: before the fix,
 * the JVM thread could still be unwinding and {@code Thread.isAlive()} said true, a false failure
 * in three of Commons Pool 2's own tests. The race is the JVM's, so many schedules give it room.
 */
class EndedThreadIsNotAliveTest {

  @Test
  void aThreadTheModelEndedIsNotAlive() {
    assertThat(Interleavings.configure().schedules(300).maxPauseMillis(0)
        .explore(EndedThreadScenarios::sleepThenCheckTheWorkerEnded).schedules()).isEqualTo(300);
  }
}
