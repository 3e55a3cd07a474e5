package dev.baton.instrument;

import static dev.baton.instrument.SiteKind.NOTIFY;
import static dev.baton.instrument.SiteKind.NOTIFY_ALL;
import static dev.baton.instrument.SiteKind.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Rule 6: wait/notify/notifyAll call sites go through the hooks, which call the real ones. */
class WaitNotifyTest extends InstrumentedTestSupport {

  @Test
  void oneThreadWaitsAnotherNotifiesAndTheRealWaitSetWorks() throws Throwable {
    Object mailbox = construct("Mailbox");
    AtomicReference<Object> taken = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread taker = new Thread(() -> {
      try {
        taken.set(call(mailbox, "take"));
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    taker.start();
    MonitorTest.awaitState(taker, Thread.State.WAITING);

    call(mailbox, "put", "hello");
    taker.join(10_000);

    assertThat(failure.get()).isNull();
    assertThat(taken.get()).isEqualTo("hello");
    assertThat(described())
        .containsExactly(
            "MONITOR_ENTER :" + (SourceLines.of("Mailbox", "put-notify") - 1),
            "WRITE Mailbox.message :" + (SourceLines.of("Mailbox", "put-notify") - 1),
            at(NOTIFY_ALL, "Object", "Mailbox", "put-notify"),
            // a void method returns at its closing brace
            "MONITOR_EXIT :" + (SourceLines.of("Mailbox", "put-notify") + 1));
    assertThat(targets()).containsOnly(mailbox);

    int waitLine = SourceLines.of("Mailbox", "take-wait");
    String waitEvent = at(WAIT, "Object", "Mailbox", "take-wait") + " 0/0";
    assertThat(describe(recorder.eventsOf(taker)))
        .startsWith(
            "MONITOR_ENTER :" + (waitLine - 1), "READ Mailbox.message :" + (waitLine - 1), waitEvent)
        .endsWith(
            "READ Mailbox.message :" + (waitLine - 1),
            "READ Mailbox.message :" + (waitLine + 2),
            "WRITE Mailbox.message :" + (waitLine + 3),
            "MONITOR_EXIT :" + (waitLine + 4));
    assertThat(recorder.eventsOf(taker)).extracting(RecordingDelegate.Event::target).containsOnly(mailbox);
  }

  @Test
  void timedWaitsPassTheirTimeouts() throws Throwable {
    Object mailbox = construct("Mailbox");
    clearEvents();

    call(mailbox, "timedWaits");

    assertThat(described())
        .filteredOn(e -> e.startsWith("WAIT"))
        .containsExactly(
            at(WAIT, "Object", "Mailbox", "wait-millis") + " 1/0",
            at(WAIT, "Object", "Mailbox", "wait-nanos") + " 1/1");
  }

  @Test
  void notifyWithoutTheMonitorStillThrowsFromTheRealCall() throws Throwable {
    Object mailbox = construct("Mailbox");
    clearEvents();
    recorder.modelMonitors = true; // the model "takes" the monitor, so the real one is not held

    assertThatThrownBy(() -> call(mailbox, "nudge")).isInstanceOf(IllegalMonitorStateException.class);
    assertThat(described()).contains(at(NOTIFY, "Object", "Mailbox", "nudge"));
  }

  @Test
  void waitAndNotifyOnAnInterfaceTypedReceiver() throws Throwable {
    callStatic("Mailbox", "onInterface");

    assertThat(described())
        .containsExactly(
            "MONITOR_ENTER :" + (SourceLines.of("Mailbox", "itf-notify") - 1),
            at(NOTIFY, "Object", "Mailbox", "itf-notify"),
            at(WAIT, "Object", "Mailbox", "itf-wait") + " 1/0",
            "MONITOR_EXIT :" + (SourceLines.of("Mailbox", "itf-wait") + 1));
    assertThat(targets().get(1)).isInstanceOf(ArrayList.class);
    assertThat(targets()).containsOnly(targets().get(0));
  }
}
