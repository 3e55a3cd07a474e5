package dev.baton.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The watchdog's failure names why a thread left Baton's control, read from the stacks. */
class OutsideControlTest {
  private static StackTraceElement frame(String type, String method) {
    return new StackTraceElement(type, method, type + ".java", 10);
  }

  private static StackTraceElement nativeFrame(String type, String method) {
    return new StackTraceElement(type, method, null, -2);
  }

  @Test
  void aThreadInsideAStaticInitialiserExplainsOneThatWaitsForTheClass() {
    StackTraceElement[] waiting = {frame("com.acme.Script", "run"), frame("com.acme.Main", "go")};
    StackTraceElement[] initialising = {
        frame("dev.baton.scheduler.Scheduler", "awaitBaton"), frame("com.acme.Compiled", "<clinit>"),
        frame("com.acme.Script", "run")};
    assertThat(OutsideControl.reason(Thread.currentThread(), waiting,
            Map.of("thread-2", initialising), id -> null))
        .isEqualTo("it probably waits for the initialisation of class com.acme.Compiled, which"
            + " thread-2 is running (paused inside its static initialiser)");
  }

  @Test
  void aWaitInsideTheJdkNamesTheJdkClass() {
    StackTraceElement[] stack = {nativeFrame("java.lang.Object", "wait0"),
        frame("java.lang.Object", "wait"), frame("java.io.PipedInputStream", "read"),
        frame("com.acme.Reader", "run")};
    assertThat(OutsideControl.reason(Thread.currentThread(), stack, Map.of(), id -> null))
        .isEqualTo("it is in Object.wait inside JDK class java.io.PipedInputStream (read), whose"
            + " waits Baton does not model");
  }

  /**
   * A thread blocked on a monitor held by a thread of the schedule names the holder as reports
   * do (not by its JVM name, which reads like another thread) and says it may be a deadlock.
   */
  @Test
  void aMonitorHeldByAThreadOfTheScheduleNamesItAsTheReportsDo() throws Exception {
    Object monitor = new Object();
    java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Thread holder = new Thread(() -> {
      synchronized (monitor) {
        held.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }, "Thread-7");
    holder.start();
    held.await();
    Thread blocked = new Thread(() -> {
      synchronized (monitor) {
        monitor.hashCode();
      }
    }, "Thread-8");
    blocked.start();
    try {
      while (blocked.getState() != Thread.State.BLOCKED) Thread.onSpinWait();
      StackTraceElement[] stack = {frame("java.util.concurrent.ConcurrentHashMap", "computeIfAbsent"),
          frame("com.acme.Cache", "get")};
      assertThat(OutsideControl.reason(blocked, stack, Map.of(),
              id -> id == holder.getId() ? "thread-1" : null))
          .isEqualTo("it is blocked on a monitor of uninstrumented code in"
              + " java.util.concurrent.ConcurrentHashMap.computeIfAbsent, held by thread-1 (a"
              + " thread of this schedule: if it waits for this one, it is a deadlock through a"
              + " monitor Baton does not model)");
      assertThat(OutsideControl.reason(blocked, stack, Map.of(), id -> null))
          .endsWith(", held by thread Thread-7");
    } finally {
      release.countDown();
      holder.join();
      blocked.join();
    }
  }

  @Test
  void nativeIoAndBusyLoopsAreToldApart() {
    StackTraceElement[] io = {nativeFrame("sun.nio.ch.SocketDispatcher", "read0"),
        frame("com.acme.Client", "call")};
    assertThat(OutsideControl.reason(Thread.currentThread(), io, Map.of(), id -> null))
        .isEqualTo("it is in native code, sun.nio.ch.SocketDispatcher.read0 (I/O)");
    StackTraceElement[] busy = {frame("org.lib.Hash", "mix"), frame("com.acme.Main", "go")};
    assertThat(OutsideControl.reason(Thread.currentThread(), busy, Map.of(), id -> null))
        .isEqualTo("it is runnable in org.lib.Hash.mix (a long computation, or a loop in"
            + " uninstrumented code)");
  }
}
