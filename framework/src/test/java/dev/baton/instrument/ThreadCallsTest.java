package dev.baton.instrument;

import static dev.baton.instrument.SiteKind.INTERRUPT;
import static dev.baton.instrument.SiteKind.JOIN;
import static dev.baton.instrument.SiteKind.READ;
import static dev.baton.instrument.SiteKind.SLEEP;
import static dev.baton.instrument.SiteKind.SPIN_WAIT;
import static dev.baton.instrument.SiteKind.THREAD_START;
import static dev.baton.instrument.SiteKind.WRITE;
import static dev.baton.instrument.SiteKind.YIELD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.runtime.Hooks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule 6: Thread control calls, on Thread and on a subclass of it. */
class ThreadCallsTest extends InstrumentedTestSupport {

  @Test
  void startIsFollowedByAYieldPointAndJoinIsReplaced() throws Throwable {
    assertThat(callStatic("Threads", "startJoin")).isEqualTo(true);

    List<RecordingDelegate.Event> events = recorder.eventsOf(Thread.currentThread());
    assertThat(describe(events))
        .containsExactly(
            at(THREAD_START, "Threads$Worker", "Threads", "start"),
            at(JOIN, "Threads$Worker", "Threads", "join") + " 0/0",
            READ + " Threads$Worker.ran :" + (SourceLines.of("Threads", "join") + 1));
    Object worker = events.get(1).target();
    assertThat(worker.getClass().getName()).endsWith("Threads$Worker");
    assertThat(events.get(2).target()).isSameAs(worker);
    // the worker's own write, on its own thread
    assertThat(describe(recorder.eventsOf((Thread) worker)))
        .containsExactly(at(WRITE, "Threads$Worker.ran", "Threads", "run"));
  }

  @Test
  void aThreadSubclassBodyBeginsWithTheHookWhereAStartedThreadArrives() throws Throwable {
    callStatic("Threads", "startJoin");

    Thread worker = (Thread) recorder.eventsOf(Thread.currentThread()).stream()
        .filter(e -> e.site().kind() == JOIN).findFirst().orElseThrow().target();
    // other threads of the JVM may arrive meanwhile: only the worker's own events count
    assertThat(recorder.jdkEvents())
        .filteredOn(e -> e.thread() == worker)
        .extracting(RecordingDelegate.Event::hook)
        .first().isEqualTo("threadRuns");
  }

  @Test
  void aTaskRunIsNoThreadBodyAndGetsNoArrivalHook() throws Throwable {
    assertThat(callStatic("Threads", "runTaskHere")).isEqualTo(true);

    assertThat(recorder.jdkEvents())
        .filteredOn(e -> e.thread() == Thread.currentThread())
        .extracting(RecordingDelegate.Event::hook)
        .doesNotContain("threadRuns");
  }

  @Test
  void timedJoinsPassTheirTimeouts() throws Throwable {
    callStatic("Threads", "timedJoins");

    assertThat(described())
        .containsExactly(
            at(THREAD_START, "Thread", "Threads", "timed-start"),
            at(JOIN, "Thread", "Threads", "join-millis") + " 10000/0",
            at(JOIN, "Thread", "Threads", "join-nanos") + " 10000/5");
  }

  @Test
  void sleepsOnThreadAndOnASubclass() throws Throwable {
    callStatic("Threads", "sleeps");

    assertThat(described())
        .containsExactly(
            at(SLEEP, "Thread", "Threads", "sleep") + " 1/0",
            at(SLEEP, "Thread", "Threads", "sleep-nanos") + " 0/5",
            at(SLEEP, "Threads$Worker", "Threads", "sleep-subclass") + " 1/0");
  }

  @Test
  void yieldAndSpinWaitBecomeYieldPoints() throws Throwable {
    callStatic("Threads", "yields");

    assertThat(described())
        .containsExactly(
            at(YIELD, "Thread", "Threads", "yield"), at(SPIN_WAIT, "Thread", "Threads", "spin"));
  }

  @Test
  void interruptIsReplacedAndStillInterrupts() throws Throwable {
    assertThat(callStatic("Threads", "interruptSelf")).isEqualTo(true);

    assertThat(described()).containsExactly(at(INTERRUPT, "Thread", "Threads", "interrupt"));
    assertThat(targets()).containsExactly(Thread.currentThread());
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void holdsLockAsksTheDelegateThenTheRealMonitor() throws Throwable {
    Object lock = new Object();

    assertThat(callStatic("Threads", "holdsLock", lock)).isEqualTo(true);

    assertThat(recorder.eventsOf(Thread.currentThread()))
        .extracting(RecordingDelegate.Event::hook)
        .containsExactly("monitorEnter", "holdsLock", "monitorExit");
    assertThat(targets()).containsOnly(lock);
  }

  @Test
  void getStateAsksTheDelegateThenTheJvm() throws Throwable {
    assertThat(callStatic("Threads", "stateOfANewThread")).isEqualTo(Thread.State.NEW);

    assertThat(recorder.eventsOf(Thread.currentThread()))
        .extracting(RecordingDelegate.Event::hook)
        .containsExactly("threadState");
  }

  @Test
  void withoutADelegateEverythingRunsForReal() throws Throwable {
    Class<?> threads = sample("Threads");
    Hooks.install(null);

    assertThat(callStatic(threads, "startJoin")).isEqualTo(true);
    callStatic(threads, "timedJoins");
    callStatic(threads, "sleeps");
    callStatic(threads, "yields");
    assertThat(callStatic(threads, "interruptSelf")).isEqualTo(true);
    assertThat(callStatic(threads, "holdsLock", new Object())).isEqualTo(true);
    assertThat(recorder.events()).isEmpty();
  }
}
