package dev.baton.examples.errorreporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExploreInterleavings;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import org.junit.jupiter.api.Test;

/**
 * Incident 004, a hang at shutdown: Baton finds the interleaving in which {@link
 * RequeueingErrorReporter} never lets the program exit, replays it from its token, and passes the
 * fixed {@link RetryingErrorReporter}.
 */
class ErrorReporterShutdownTest {

  @Test
  void batonFindsTheShutdownHangAndSaysWhoWaitsForWhat() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.explore(ErrorReporterShutdownTest::twoFailingJobsThenExit));

    assertThat(failure).as("Baton should find the hang").isNotNull();
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.BLOCKED_AT_END);
    assertThat(failure.getMessage())
        .contains("the scenario finished but 1 thread(s) it started are still blocked")
        .contains("error-reporter waits for Condition")
        .contains("at RequeueingErrorReporter.sendUntilShutdown(RequeueingErrorReporter.java:75)")
        .contains("-Dbaton.replay=" + failure.replayToken());
  }

  @Test
  void theHangReportShowsTheStuckThreadsStack() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.explore(ErrorReporterShutdownTest::twoFailingJobsThenExit));

    assertThat(failure).as("Baton should find the hang").isNotNull();
    assertThat(failure.getMessage())
        .containsPattern("error-reporter waits for Condition#1, at \\S+, in BlockingQueue.put")
        .contains("error-reporter is blocked here:")
        .contains("at java.util.concurrent.ArrayBlockingQueue.put(")
        .contains("at dev.baton.examples.errorreporter.RequeueingErrorReporter.sendUntilShutdown("
            + "RequeueingErrorReporter.java:75)");
  }

  @Test
  void theTokenReplaysTheSameHang() {
    InterleavingFailure found = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.explore(ErrorReporterShutdownTest::twoFailingJobsThenExit));
    assertThat(found).as("Baton should find the hang").isNotNull();

    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(found.replayToken())
            .explore(ErrorReporterShutdownTest::twoFailingJobsThenExit));

    assertThat(replayed).as("the replay should fail too").isNotNull();
    assertThat(replayed.kind()).isEqualTo(found.kind());
    assertThat(replayed.schedule()).isEqualTo(found.schedule());
    assertThat(replayed.trace()).isEqualTo(found.trace());
    assertThat(firstLine(replayed.getMessage())).isEqualTo(firstLine(found.getMessage()));
  }

  @ExploreInterleavings
  void theRetryingReporterSendsEverythingAndEnds() throws InterruptedException {
    ThrottlingErrorService service = new ThrottlingErrorService(1);
    RetryingErrorReporter reporter = new RetryingErrorReporter(service, 2);
    reporter.start();
    Thread worker1 = new Thread(() -> reporter.report("job 1 failed"), "worker-1");
    Thread worker2 = new Thread(() -> reporter.report("job 2 failed"), "worker-2");
    worker1.start();
    worker2.start();
    worker1.join();
    worker2.join();
    reporter.shutdown();
    reporter.awaitTermination();
    assertThat(service.received()).containsExactlyInAnyOrder("job 1 failed", "job 2 failed");
  }

  /**
   * Two jobs fail and report, then the program's main method ends. Baton checks that every thread
   * a scenario started ends too: a thread that cannot is a JVM that cannot exit.
   */
  static void twoFailingJobsThenExit() throws InterruptedException {
    ThrottlingErrorService service = new ThrottlingErrorService(1);
    RequeueingErrorReporter reporter = new RequeueingErrorReporter(service, 2);
    reporter.start();
    Thread worker1 = new Thread(() -> reporter.report("job 1 failed"), "worker-1");
    Thread worker2 = new Thread(() -> reporter.report("job 2 failed"), "worker-2");
    worker1.start();
    worker2.start();
    worker1.join();
    worker2.join();
    reporter.shutdown();
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }
}
