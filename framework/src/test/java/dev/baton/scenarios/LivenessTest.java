package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.InterleavingFailure.Kind;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deadlines under pauses, spurious wakeups, and every way a schedule can fail to end: each kind is
 * produced and its report checked; none may hang the build.
 */
class LivenessTest {

  // ---- pauses --------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @EnumSource(Strategy.class)
  void aPauseLetsAShortDeadlineFireWhileTheWorkerIsBusy(Strategy strategy) {
    InterleavingFailure failure = find(LivenessScenarios::handOffWithADeadline, strategy);

    assertThat(failure.getCause()).hasMessageContaining("dropped: the deadline fired first");
    assertThat(failure.trace()).contains("timed out (the others paused");
    assertReplays(failure, LivenessScenarios::handOffWithADeadline);
  }

  @Test
  void aTokenReplaysItsPausesWhateverTheReplayingRunIsConfiguredWith() {
    InterleavingFailure failure = find(LivenessScenarios::handOffWithADeadline, Strategy.RANDOM);

    InterleavingFailure again = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().maxPauseMillis(0).replay(failure.replayToken())
            .explore(LivenessScenarios::handOffWithADeadline));

    assertThat(again).isNotNull();
    assertThat(again.trace()).isEqualTo(failure.trace());
  }

  @Test
  void withoutPausesADeadlineFiresOnlyWhenNobodyCanRun() {
    ExplorationResult result = Interleavings.configure().schedules(300).seed(4).maxPauseMillis(0)
        .explore(LivenessScenarios::handOffWithADeadline);

    assertThat(result.schedules()).isEqualTo(300);
  }

  @Test
  void aWaitAsLongAsThePauseBudgetNeverFiresEarly() {
    ExplorationResult result = Interleavings.configure().seed(12)
        .explore(LivenessScenarios::awaitAsLongAsThePauseBudget);

    assertThat(result.schedules()).isEqualTo(1000);
  }

  @Test
  void daemonWorkersLeftAtTheEndOfSchedulesDoNotPileUp() throws InterruptedException {
    int before = Thread.activeCount();

    Interleavings.configure().schedules(100).seed(3).explore(LivenessScenarios::unclosedDaemonPool);

    // Each schedule's workers are ended with it, not replaced by threads that live on.
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (Thread.activeCount() - before > 10 && System.nanoTime() < deadline) Thread.sleep(10);
    assertThat(Thread.activeCount() - before).isLessThanOrEqualTo(10);
  }

  @Test
  void aTenSecondAwaitTerminationOfAHealthyPoolNeverTimesOut() {
    ExplorationResult result = Interleavings.configure().schedules(300).seed(8)
        .explore(LivenessScenarios::healthyPoolTerminatesWithinTenSeconds);

    assertThat(result.schedules()).isEqualTo(300);
  }

  // ---- spurious wakeups ----------------------------------------------------------------------

  @Test
  void waitsInAnIfPassWithoutSpuriousWakeups() {
    assertThat(Interleavings.configure().schedules(200).seed(2)
        .explore(LivenessScenarios::waitInAnIf).schedules()).isEqualTo(200);
    assertThat(Interleavings.configure().schedules(200).seed(2)
        .explore(LivenessScenarios::awaitInAnIf).schedules()).isEqualTo(200);
    // Regression: the scheduler's own hand-over of the baton used to leave a park permit behind,
    // so this park returned at once, as if woken spuriously.
    assertThat(Interleavings.configure().schedules(300).seed(2)
        .explore(LivenessScenarios::parkInAnIf).schedules()).isEqualTo(300);
  }

  @Test
  void spuriousWakeupsExposeAWaitInAnIf() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().schedules(500).seed(2).spuriousWakeups(true)
            .explore(LivenessScenarios::waitInAnIf));

    assertThat(failure).isNotNull();
    assertThat(failure.getCause()).hasMessage("woke up, but nothing is ready");
    assertThat(failure.trace()).contains("woke up spuriously");
    assertThat(catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(failure.replayToken()).spuriousWakeups(true)
            .explore(LivenessScenarios::waitInAnIf)).trace()).isEqualTo(failure.trace());
  }

  @Test
  void spuriousWakeupsExposeAParkInAnIf() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().schedules(500).seed(2).spuriousWakeups(true)
            .explore(LivenessScenarios::parkInAnIf));

    assertThat(failure).isNotNull();
    assertThat(failure.getCause()).hasMessage("woke up, but nothing is ready");
    assertThat(failure.trace()).contains("woke up spuriously");
  }

  @Test
  void spuriousWakeupsOfParkInsideTheJdkNeverBreakACondition() {
    // Condition.await re-parks until signalled: a spurious park wakeup inside it is harmless.
    assertThat(Interleavings.configure().schedules(300).seed(2).spuriousWakeups(true)
        .explore(LivenessScenarios::awaitInAnIf).schedules()).isEqualTo(300);
  }

  @Test
  void spuriousWakeupsOfParkedThreadsNeverStarveAThreadThatCanRun() {
    // Regression: the waiting threads took turns waking spuriously and parking again while main,
    // which could run, never got a step again (until maxSteps).
    for (Strategy strategy : Strategy.values()) {
      if (strategy == Strategy.EXHAUSTIVE) continue;
      assertThat(Interleavings.configure().strategy(strategy).schedules(100).maxSteps(100_000)
          .spuriousWakeups(true).explore(LivenessScenarios::twoParkedThreadsAndABusyMain)
          .schedules()).as("%s", strategy).isEqualTo(100);
      assertThat(Interleavings.configure().strategy(strategy).schedules(100).maxSteps(100_000)
          .spuriousWakeups(true).explore(LivenessScenarios::twoTasksOnAPoolOfTwo)
          .schedules()).as("%s", strategy).isEqualTo(100);
    }
  }

  // ---- threads that do not end ---------------------------------------------------------------

  @Test
  void aThreadLeftBlockedIsReportedWithItsStackAndWhatItWaitsFor() {
    InterleavingFailure failure = find(LivenessScenarios::workerLeftBlockedOnAFullQueue, Strategy.RANDOM);

    assertThat(failure.kind()).isEqualTo(Kind.BLOCKED_AT_END);
    assertThat(failure.getMessage())
        .contains("the scenario finished but 1 thread(s) it started are still blocked")
        .containsPattern("producer waits for \\S+, at "
            + "LivenessScenarios.lambda\\$workerLeftBlockedOnAFullQueue\\$\\d+\\(LivenessScenarios.java:\\d+\\),"
            + " in BlockingQueue.put")
        .contains("producer is blocked here:")
        .contains("at java.util.concurrent.ArrayBlockingQueue.put(ArrayBlockingQueue.java:")
        .doesNotContain("dev.baton.scheduler");
  }

  @Test
  void aLoopIsReportedWithTheStackOfTheThreadThatLoops() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().maxSteps(2_000).explore(LivenessScenarios::loopThroughAGetter));

    assertThat(failure.kind()).isEqualTo(Kind.NON_TERMINATION);
    assertThat(failure.getMessage())
        .contains("main seems not to terminate")
        .contains("main was looping here:")
        .containsPattern("at dev.baton.scenarios.LivenessScenarios\\.walk\\(LivenessScenarios.java:\\d+\\)")
        .doesNotContain("dev.baton.scheduler");
  }

  @Test
  void anEndlessRecursionIsReportedAsRunawayRecursionWithTheFramesThatRepeat() {
    InterleavingFailure failure = find(LivenessScenarios::endlessRecursion, Strategy.RANDOM);

    assertThat(failure.kind()).isEqualTo(Kind.RECURSION);
    assertThat(failure.getMessage().lines().findFirst().orElseThrow())
        .startsWith("stack overflow in resolver: endless recursion through ")
        .contains("LivenessScenarios$Resolver.resolve(LivenessScenarios.java:")
        .contains("LivenessScenarios$Resolver.resolveOther(LivenessScenarios.java:");
  }

  @Test
  void aStackOverflowIsReportedWithTheFramesThatRepeat() {
    InterleavingFailure failure =
        find(LivenessScenarios::endlessRecursionOnASmallStack, Strategy.RANDOM);

    assertThat(failure.kind()).isEqualTo(Kind.RECURSION);
    assertThat(failure.getCause()).isInstanceOf(StackOverflowError.class);
    assertThat(failure.getMessage().lines().findFirst().orElseThrow())
        .startsWith("stack overflow in resolver: endless recursion through ")
        .contains("LivenessScenarios$Resolver.resolve(LivenessScenarios.java:")
        .contains("LivenessScenarios$Resolver.resolveOther(LivenessScenarios.java:");
  }

  @Test
  void anOutOfMemoryErrorInAThreadFailsTheSchedule() {
    InterleavingFailure failure = find(LivenessScenarios::outOfMemory, Strategy.RANDOM);

    assertThat(failure.kind()).isEqualTo(Kind.EXCEPTION);
    assertThat(failure.getCause()).isInstanceOf(OutOfMemoryError.class);
    assertThat(failure.getMessage()).contains("(thrown in allocator)");
  }

  // ---- outside the model, and budgets --------------------------------------------------------

  @Test
  void aStartedThreadBlockedOutsideTheModelIsCaughtByTheWatchdog() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
          () -> Interleavings.configure().schedules(5).watchdog(Duration.ofMillis(500))
              .explore(() -> LivenessScenarios.blockedInAccept(server)));

      assertThat(failure.kind()).isEqualTo(Kind.UNCONTROLLED);
      assertThat(failure.getMessage())
          .contains("acceptor (RUNNABLE) did not reach a scheduling point for 500 ms")
          .contains("acceptor (RUNNABLE, holds the baton)")
          .contains("java.net.ServerSocket.accept(");
    }
  }

  @Test
  void aThreadBlockedOutsideTheModelWhileHoldingTheBatonIsCaughtWithItsStack() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
          () -> Interleavings.configure().schedules(5).watchdog(Duration.ofMillis(500))
              .explore(() -> LivenessScenarios.mainBlockedInAccept(server)));

      assertThat(failure.kind()).isEqualTo(Kind.UNCONTROLLED);
      assertThat(failure.getMessage())
          .contains("main (RUNNABLE) did not reach a scheduling point for 500 ms")
          .contains("holds the baton")
          .contains("java.net.ServerSocket.accept(")
          .contains("LivenessScenarios.mainBlockedInAccept(LivenessScenarios.java:");
    }
  }

  @Test
  void theTimeBudgetStopsAnExplorationCleanlyAndSaysHowFarItGot() {
    ExplorationResult result = Interleavings.configure().schedules(10_000_000).seed(1)
        .timeBudget(Duration.ofMillis(300)).explore(Scenarios::synchronizedUpdate);

    assertThat(result.schedules()).isBetween(1, 9_999_999);
    assertThat(result.note())
        .startsWith("Baton explored " + result.schedules() + " of 10000000 schedules (time budget):"
            + " the time budget of 300 ms (baton.timeBudgetSeconds) was spent; all passed.");
  }

  @Test
  void withFailOnBudgetASpentTimeBudgetFailsAndNamesTheKey() {
    dev.baton.scheduler.TimeBudgetSpent failure = catchThrowableOfType(
        dev.baton.scheduler.TimeBudgetSpent.class,
        () -> Interleavings.configure().schedules(10_000_000).seed(1).failOnBudget(true)
            .timeBudget(Duration.ofMillis(300)).explore(Scenarios::synchronizedUpdate));

    assertThat(failure).isNotNull();
    assertThat(failure.getMessage())
        .containsPattern("^Baton explored \\d+ of 10000000 schedules \\(time budget\\)")
        .contains("baton.failOnBudget=true fails a partial search")
        .contains("Fix: raise baton.timeBudgetSeconds");
  }

  @Test
  void withFailOnBudgetAnExplorationThatRanItsSchedulesPasses() {
    ExplorationResult result = Interleavings.configure().schedules(20).seed(1).failOnBudget(true)
        .timeBudget(Duration.ofSeconds(600)).explore(Scenarios::synchronizedUpdate);

    assertThat(result.schedules()).isEqualTo(20);
    assertThat(result.note()).doesNotContain("time budget");
  }

  private static InterleavingFailure find(Scenario scenario, Strategy strategy) {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(strategy).seed(11).explore(scenario));
    assertThat(failure).as("Baton should have failed the scenario").isNotNull();
    return failure;
  }

  private static void assertReplays(InterleavingFailure failure, Scenario scenario) {
    InterleavingFailure again = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(failure.replayToken()).explore(scenario));
    assertThat(again).isNotNull();
    assertThat(again.trace()).isEqualTo(failure.trace());
  }
}
