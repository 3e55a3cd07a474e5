package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import org.junit.jupiter.api.Test;

/**
 * A thread left blocked at the end that runs only JDK code (an idle pool worker, a Timer's thread)
 * is reported with the JDK frames that say where it waits, not with Thread.run alone: that stack
 * is all a reader has to see that the scenario left a pool or a timer open.
 */
class LeftOpenThreadsTest {

  @Test
  void anIdlePoolWorkerIsShownWaitingInThePoolsQueue() {
    InterleavingFailure failure = find(LeftOpenScenarios::poolNeverShutDown);

    assertThat(failure.kind()).isEqualTo(Kind.BLOCKED_AT_END);
    assertThat(failure.getMessage())
        .contains("pool-thread-1 is blocked here:")
        .contains("at java.util.concurrent.ThreadPoolExecutor.getTask(ThreadPoolExecutor.java:")
        .contains("at java.util.concurrent.ThreadPoolExecutor.runWorker(")
        .doesNotContain("dev.baton.scheduler");
  }

  @Test
  void aTimersIdleThreadIsShownWaitingInTheTimersQueue() {
    InterleavingFailure failure = find(LeftOpenScenarios::timerNeverCancelled);

    assertThat(failure.kind()).isEqualTo(Kind.BLOCKED_AT_END);
    assertThat(failure.getMessage())
        .contains("at java.util.TimerThread.mainLoop(Timer.java:")
        .doesNotContain("dev.baton.scheduler");
  }

  private static InterleavingFailure find(Scenario scenario) {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().schedules(5).seed(3).explore(scenario));
    assertThat(failure).as("Baton should have failed the scenario").isNotNull();
    return failure;
  }
}
