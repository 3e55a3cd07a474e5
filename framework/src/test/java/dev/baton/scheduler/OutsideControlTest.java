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
            Map.of("thread-2", initialising)))
        .isEqualTo("it probably waits for the initialisation of class com.acme.Compiled, which"
            + " thread-2 is running (paused inside its static initialiser)");
  }

  @Test
  void aWaitInsideTheJdkNamesTheJdkClass() {
    StackTraceElement[] stack = {nativeFrame("java.lang.Object", "wait0"),
        frame("java.lang.Object", "wait"), frame("java.io.PipedInputStream", "read"),
        frame("com.acme.Reader", "run")};
    assertThat(OutsideControl.reason(Thread.currentThread(), stack, Map.of()))
        .isEqualTo("it is in Object.wait inside JDK class java.io.PipedInputStream (read), whose"
            + " waits Baton does not model");
  }

  @Test
  void nativeIoAndBusyLoopsAreToldApart() {
    StackTraceElement[] io = {nativeFrame("sun.nio.ch.SocketDispatcher", "read0"),
        frame("com.acme.Client", "call")};
    assertThat(OutsideControl.reason(Thread.currentThread(), io, Map.of()))
        .isEqualTo("it is in native code, sun.nio.ch.SocketDispatcher.read0 (I/O)");
    StackTraceElement[] busy = {frame("org.lib.Hash", "mix"), frame("com.acme.Main", "go")};
    assertThat(OutsideControl.reason(Thread.currentThread(), busy, Map.of()))
        .isEqualTo("it is runnable in org.lib.Hash.mix (a long computation, or a loop in"
            + " uninstrumented code)");
  }
}
