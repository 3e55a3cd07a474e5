package dev.baton.samples.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Strategy;
import org.junit.jupiter.api.Test;

/**
 * Incident 003: Baton finds the schedule in which {@link AckFirstConsumer} acknowledges a message
 * and then drops it, shows why in its report, replays it from its token, and cannot find it when
 * it is not allowed to pause the busy worker.
 */
class AckFirstConsumerTest {

  /**
   * A seed whose report the order test reads. Any seed finds the loss (see the first test); one
   * fixed seed keeps that test reading the same report on every run.
   */
  private static final long REPORT_SEED = 1;

  @Test
  void batonFindsAnAcknowledgedMessageThatWasNeverProcessed() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.explore(QueueScenarios::ackFirstConsumerWithOneWorker));

    assertThat(failure).as("Baton should find the lost message").isNotNull();
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.EXCEPTION);
    // Any seed: one hand-off or both may have missed the deadline (the worker paused past both),
    // and either way a message was acknowledged and never processed.
    assertThat(failure.getCause())
        .hasMessageMatching("message m[12] was acknowledged but never processed"
            + " \\(abandoned hand-offs: [12]\\)");
    assertThat(failure.getMessage())
        .contains("timed out (the others paused")
        .contains("-Dbaton.replay=" + failure.replayToken());
  }

  @Test
  void theReportShowsTheAckThenTheFullPoolThenTheDeadlineFiring() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(Strategy.RANDOM).seed(REPORT_SEED)
            .explore(QueueScenarios::ackFirstConsumerWithOneWorker));
    assertThat(failure).as("Baton should find the lost message").isNotNull();
    TraceSteps steps = TraceSteps.of(failure.trace());

    int deadline = steps.first(0,
        s -> s.by("consumer") && s.action().startsWith("timed out (the others paused"));
    int handOff = steps.last(deadline,
        s -> s.by("consumer") && s.action().equals("call SynchronousQueue.offer"));
    int ack = steps.last(handOff, s -> s.by("consumer") && s.at("Broker.ack"));
    // The pool (one worker) is full: the worker took the previous message before the hand-off,
    // and is busy doing its work until after the deadline; only then does it ask for more.
    int took = steps.last(handOff,
        s -> s.by("worker-1") && s.action().equals("call SynchronousQueue.take"));
    int working = steps.first(took, s -> s.by("worker-1") && s.at("WorkLog.process"));
    int asksForMore = steps.first(took + 1,
        s -> s.by("worker-1") && s.action().equals("call SynchronousQueue.take"));

    assertThat(new int[] {ack, handOff, deadline})
        .as("ack, hand-off, deadline in that order: %s", steps.show(ack, handOff, deadline))
        .doesNotContain(-1).isSorted();
    assertThat(took).as("the worker took the previous message before the hand-off")
        .isNotNegative();
    assertThat(working).as("the worker works on it: %s", steps.show(took, working, asksForMore))
        .isGreaterThan(took).isLessThan(asksForMore);
    assertThat(asksForMore).as("the worker is busy until after the deadline")
        .isGreaterThan(deadline);
  }

  @Test
  void theTokenReplaysTheIdenticalLoss() {
    InterleavingFailure found = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.explore(QueueScenarios::ackFirstConsumerWithOneWorker));
    assertThat(found).as("Baton should find the lost message").isNotNull();

    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(found.replayToken())
            .explore(QueueScenarios::ackFirstConsumerWithOneWorker));

    assertThat(replayed).as("the replay should lose the message too").isNotNull();
    assertThat(replayed.kind()).isEqualTo(found.kind());
    assertThat(replayed.schedule()).isEqualTo(found.schedule());
    assertThat(replayed.trace()).isEqualTo(found.trace());
    assertThat(replayed.getCause()).hasMessage(found.getCause().getMessage());
  }

  /**
   * The strace lesson. Without pauses, a deadline fires only when no thread can run, and the busy
   * worker always can: a probe that changes the timing hides the bug. The same seed finds it as
   * soon as Baton may pause the worker.
   */
  @Test
  void withoutPausingTheBusyWorkerBatonCannotSeeTheLoss() {
    ExplorationResult withoutPauses = Interleavings.configure().seed(REPORT_SEED)
        .maxPauseMillis(0).explore(QueueScenarios::ackFirstConsumerWithOneWorker);
    InterleavingFailure withPauses = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().seed(REPORT_SEED)
            .explore(QueueScenarios::ackFirstConsumerWithOneWorker));

    assertThat(withoutPauses.schedules()).as("schedules that all passed").isEqualTo(1000);
    assertThat(withPauses).as("the same seed with pauses").isNotNull();
    assertThat(withPauses.trace()).contains("timed out (the others paused");
  }
}
