package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Bugs Baton must find, and correct programs it must never report, through {@link Interleavings}. */
class ScenarioExplorationTest {

  static Stream<Arguments> correctScenarios() {
    return Stream.of(
        Arguments.of("synchronizedUpdate", (Scenario) Scenarios::synchronizedUpdate),
        Arguments.of("atomicUpdate", (Scenario) Scenarios::atomicUpdate),
        Arguments.of("putIfAbsentOnConcurrentMap", (Scenario) Scenarios::putIfAbsentOnConcurrentMap),
        Arguments.of("synchronizedSameLockOrder", (Scenario) Scenarios::synchronizedSameLockOrder),
        Arguments.of("reentrantLockSameOrder", (Scenario) Scenarios::reentrantLockSameOrder),
        Arguments.of("guardedWait", (Scenario) Scenarios::guardedWait),
        Arguments.of("latchAndSemaphore", (Scenario) Scenarios::latchAndSemaphore),
        Arguments.of("blockingQueues", (Scenario) Scenarios::blockingQueues),
        Arguments.of("conditionHandOff", (Scenario) Scenarios::conditionHandOff),
        Arguments.of("interruptWakesSleeperAndWaiter", (Scenario) Scenarios::interruptWakesSleeperAndWaiter),
        Arguments.of("interruptWakesSleeper", (Scenario) Scenarios::interruptWakesSleeper),
        Arguments.of("interruptWakesSleeperSubclass",
            (Scenario) Scenarios::interruptWakesSleeperSubclass),
        Arguments.of("unparkBeforeItRuns", (Scenario) Scenarios::unparkBeforeItRuns),
        Arguments.of("waitUntilItWaits", (Scenario) Scenarios::waitUntilItWaits),
        Arguments.of("daemonLeftRunning", (Scenario) Scenarios::daemonLeftRunning),
        Arguments.of("timedConcurrencyOperations", (Scenario) Scenarios::timedConcurrencyOperations),
        Arguments.of("sleepPassesVirtualTime", (Scenario) Scenarios::sleepPassesVirtualTime),
        Arguments.of("executorService", (Scenario) Scenarios::executorService),
        Arguments.of("interruptStatusIsVisible", (Scenario) RegressionScenarios::interruptStatusIsVisible),
        Arguments.of("notifyIsNotLostToAnInterruptedWaiter",
            (Scenario) RegressionScenarios::notifyIsNotLostToAnInterruptedWaiter),
        Arguments.of("workerNamesItself", (Scenario) RegressionScenarios::workerNamesItself),
        Arguments.of("pollWhileAnotherThreadWaitsWithTimeout",
            (Scenario) RegressionScenarios::pollWhileAnotherThreadWaitsWithTimeout),
        Arguments.of("yieldGivesWay", (Scenario) RegressionScenarios::yieldGivesWay),
        Arguments.of("interruptOverrideRunsOnce", (Scenario) RegressionScenarios::interruptOverrideRunsOnce),
        Arguments.of("latchAwaitTimesOut", (Scenario) RegressionScenarios::latchAwaitTimesOut),
        Arguments.of("memoizeWithComputeIfAbsent", (Scenario) RegressionScenarios::memoizeWithComputeIfAbsent),
        Arguments.of("userEqualsInsideALockedBin", (Scenario) RegressionScenarios::userEqualsInsideALockedBin),
        Arguments.of("sleepForeverUntilInterrupted", (Scenario) CallbackScenarios::sleepForeverUntilInterrupted),
        Arguments.of("latchAwaitHugeTimeout", (Scenario) CallbackScenarios::latchAwaitHugeTimeout),
        Arguments.of("spinInsideForEach", (Scenario) CallbackScenarios::spinInsideForEach),
        Arguments.of("computeIfAbsentInConstructor", (Scenario) CallbackScenarios::computeIfAbsentInConstructor),
        Arguments.of("notifyThroughMethodReference",
            (Scenario) RegressionScenarios::notifyThroughMethodReference),
        Arguments.of("iterateSynchronizedListUnderItsLock",
            (Scenario) RegressionScenarios::iterateSynchronizedListUnderItsLock),
        Arguments.of("interruptedTakeLeavesTheThreadPreemptible",
            (Scenario) RegressionScenarios::interruptedTakeLeavesTheThreadPreemptible));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("correctScenarios")
  void correctProgramsPassEveryScheduleOfTheDefaultBudget(String name, Scenario scenario) {
    ExplorationResult result = Interleavings.explore(scenario);
    assertThat(result.schedules()).isEqualTo(1000);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Strategy.class)
  void spinWaitsNeverStarveTheThreadTheyWaitFor(Strategy strategy) {
    for (Scenario spin : new Scenario[] {Scenarios::spinOnVolatileField, Scenarios::spinWithYieldAndSleep}) {
      ExplorationResult result =
          Interleavings.configure().strategy(strategy).schedules(200).seed(3).explore(spin);
      // Every schedule ran to its end (a starved spin would be NON_TERMINATION, thrown above).
      assertThat(result.complete() || result.schedules() == 200).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Strategy.class)
  void everyStrategyFindsTheLostUpdate(Strategy strategy) {
    InterleavingFailure failure = find(Scenarios::lostUpdate, strategy);
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.EXCEPTION);
    assertThat(failure.getCause()).isInstanceOf(AssertionError.class).hasMessage("lost update: count = 1");
    assertThat(failure.getMessage())
        .contains("lost update: count = 1")
        .contains("strategy " + strategy)
        .contains("-Dbaton.replay=" + failure.replayToken())
        .contains("Interleavings.configure().replay(\"" + failure.replayToken() + "\")")
        .contains("write Counter.count")
        .contains("Counter.increment(Counter.java:");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Strategy.class)
  void everyStrategyFindsTheSynchronizedDeadlock(Strategy strategy) {
    InterleavingFailure failure = find(Scenarios::synchronizedLockOrderDeadlock, strategy);
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
    assertThat(failure.getMessage())
        .contains("deadlock")
        .containsPattern("thread-1 waits to lock Object#\\d held by thread-2")
        .containsPattern("thread-2 waits to lock Object#\\d held by thread-1")
        .contains("cycle: thread-1 -> thread-2 -> thread-1")
        .contains("Scenarios.lambda$synchronizedLockOrderDeadlock$");
  }

  @Test
  void exhaustiveFindsALostUpdateFollowedByMoreWorkWithinFewSchedules() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(Strategy.EXHAUSTIVE).schedules(100)
            .explore(RegressionScenarios::lostUpdateThenMoreWork));
    assertThat(failure).isNotNull();
    assertThat(failure.getCause()).hasMessage("lost update: value = 1");
  }

  @Test
  void findsALostUpdateInsideAThreadPoolAndNamesItsWorkersStably() {
    InterleavingFailure failure = find(Scenarios::executorLostUpdate, Strategy.RANDOM);
    assertThat(failure.getCause()).hasMessage("lost update: count = 1");
    assertThat(failure.getMessage()).containsPattern("pool-thread-\\d+ +write Counter.count");
  }

  @Test
  void findsTheReentrantLockDeadlockAndNamesTheLockOwners() {
    InterleavingFailure failure = find(Scenarios::reentrantLockOrderDeadlock, Strategy.RANDOM);
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
    assertThat(failure.getMessage())
        .containsPattern("thread-1 waits for ReentrantLock#\\d held by thread-2")
        .containsPattern("thread-2 waits for ReentrantLock#\\d held by thread-1")
        .contains("cycle: thread-1 -> thread-2 -> thread-1");
  }

  @Test
  void findsTheCheckThenActRaceOnAConcurrentMap() {
    InterleavingFailure failure = find(Scenarios::checkThenActOnConcurrentMap, Strategy.RANDOM);
    assertThat(failure.getCause()).hasMessage("session created 2 times");
    assertThat(failure.getMessage()).contains("call Map.containsKey").contains("call Map.put")
        .contains("mvn test -Dtest=ScenarioExplorationTest#findsTheCheckThenActRaceOnAConcurrentMap"
            + " -Dbaton.replay=" + failure.replayToken());
  }

  @Test
  void findsAnIterationOfASynchronizedListWithoutItsLock() {
    InterleavingFailure failure = find(Scenarios::iterateSynchronizedListWithoutItsLock, Strategy.RANDOM);
    assertThat(failure.getCause()).isInstanceOf(java.util.ConcurrentModificationException.class);
  }

  static Stream<Arguments> bugsInCodeTheJdkCallsBack() {
    return Stream.of(
        Arguments.of("lostUpdateInForEach", (Scenario) CallbackScenarios::lostUpdateInForEach),
        Arguments.of("lostUpdateInCallable", (Scenario) CallbackScenarios::lostUpdateInCallable),
        Arguments.of("lostUpdateInUserCollection", (Scenario) CallbackScenarios::lostUpdateInUserCollection));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bugsInCodeTheJdkCallsBack")
  void findsBugsInCodeThatTheJdkCallsBack(String name, Scenario scenario) {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(Strategy.EXHAUSTIVE).schedules(500).explore(scenario));
    assertThat(failure).as(name + " should be found").isNotNull();
    assertThat(failure.getCause()).hasMessageStartingWith("lost update");
  }

  @Test
  void findsALostSignalAndNamesTheCondition() {
    InterleavingFailure failure = find(Scenarios::lostSignal, Strategy.RANDOM);
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
    assertThat(failure.getMessage()).containsPattern("thread-1 waits for Condition#\\d");
  }

  @Test
  void findsTheLostWakeup() {
    InterleavingFailure failure = find(Scenarios::lostWakeup, Strategy.RANDOM);
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
    assertThat(failure.getMessage())
        .contains("thread-1 waits in wait() on Mailbox#")
        .contains("main waits to join thread-1");
  }

  @Test
  void reportsAnExceptionInAChildThread() {
    InterleavingFailure failure = find(Scenarios::exceptionInChildThread, Strategy.RANDOM);
    assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class);
    assertThat(failure.getMessage()).contains("(thrown in thread-2)");
  }

  @Test
  void reportsThreadsLeftBlockedWhenTheScenarioEnds() {
    InterleavingFailure failure = find(Scenarios::threadLeftBlocked, Strategy.RANDOM);
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.BLOCKED_AT_END);
    assertThat(failure.getMessage())
        .contains("the scenario finished but 1 thread(s) it started are still blocked")
        .contains("stuck-worker waits for CountDownLatch#");
  }

  @Test
  void reportsALoopThatNeverEndsWithItsLocation() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().maxSteps(5_000).explore(Scenarios::spinForever));
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.NON_TERMINATION);
    assertThat(failure.getMessage())
        .contains("more than 5000 scheduling points")
        .containsPattern("thread-1 seems not to terminate \\(last at "
            + "(Counter\\.increment\\(Counter|Scenarios\\.lambda\\$spinForever\\$\\d+\\(Scenarios)\\.java:\\d+\\)");
  }

  @Test
  void aChildWhoseFirstStepIsInsideAClassInitialiserDoesNotHangTheSchedule() {
    // One exploration in a JVM meets the class uninitialised: the schedule must still complete.
    ExplorationResult result = Interleavings.configure().schedules(20)
        .explore(RegressionScenarios::childArrivesInsideClassInit);
    assertThat(result.schedules()).isEqualTo(20);
  }

  @Test
  void exploringFromInsideAnExplorationIsRejectedWithAClearMessage() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().schedules(1).explore(ScenarioExplorationTest::nested));
    assertThat(failure.getCause())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("called from inside a scenario that Baton is exploring");
  }

  static void nested() {
    Interleavings.explore(Scenarios::lostUpdate);
  }

  static InterleavingFailure find(Scenario scenario, Strategy strategy) {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(strategy).seed(42).explore(scenario));
    assertThat(failure).as("Baton should have found the bug with " + strategy).isNotNull();
    return failure;
  }
}
