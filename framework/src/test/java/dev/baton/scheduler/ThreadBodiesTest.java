package dev.baton.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.instrument.BatonAgent;
import dev.baton.instrument.InstrumentingClassLoader;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a started thread runs, told before it runs: whether it starts at a hook (so its starter
 * need not wait for it) and whether the JDK runs code around the user's steps in it (so that
 * partial-order reduction counts its steps as touching anything). Neither may depend on how far
 * the thread got, or the search would depend on the OS's timing.
 */
class ThreadBodiesTest {

  @BeforeAll
  static void openJavaLang() {
    BatonAgent.install(); // a thread keeps its task in a private field of java.lang.Thread
  }

  @Test
  void aThreadGivenATaskStartsAtThreadRunsHook() {
    Thread plain = new Thread(() -> { });
    assertThat(ThreadBodies.startsAtAHook(plain)).isTrue();
    assertThat(ThreadBodies.runByTheJdk(plain)).isFalse();
  }

  @Test
  void aThreadSubclassOfTheScenarioStartsAtTheHookItsLoaderPutInItsRun() throws Exception {
    Thread worker = scenarioThread("Threads$Worker");
    assertThat(ThreadBodies.startsAtAHook(worker)).isTrue();
    assertThat(ThreadBodies.runByTheJdk(worker)).isFalse();
  }

  @Test
  void aThreadSubclassNobodyRewroteRunsCodeOfItsOwnFirst() {
    Thread own = new Thread() {
      @Override
      public void run() { }
    };
    assertThat(ThreadBodies.startsAtAHook(own)).isFalse();
    assertThat(ThreadBodies.runByTheJdk(own)).isFalse();
  }

  @Test
  void aForkJoinWorkerStartsAtItsHookAndIsRunByTheJdk() {
    ForkJoinPool pool = new ForkJoinPool(1);
    try {
      ForkJoinWorkerThread worker =
          ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
      assertThat(ThreadBodies.startsAtAHook(worker)).isTrue();
      assertThat(ThreadBodies.runByTheJdk(worker)).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPoolWorkerAndAThreadRunningAFutureTaskAreRunByTheJdk() throws Exception {
    AtomicReference<Thread> made = new AtomicReference<>();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), task -> {
          Thread t = new Thread(task);
          made.set(t);
          return t;
        });
    try {
      pool.submit(() -> { }).get();
      assertThat(ThreadBodies.runByTheJdk(made.get())).as("ThreadPoolExecutor's worker").isTrue();
      assertThat(ThreadBodies.startsAtAHook(made.get())).isTrue();
    } finally {
      pool.shutdownNow();
    }
    assertThat(ThreadBodies.runByTheJdk(new Thread(new FutureTask<>(() -> 1)))).isTrue();
  }

  @Test
  void aThreadStartedByAPoolThroughAFactoryOfTheUsersIsStartedByTheJdk() {
    // innermost first: Baton's hook, Thread.start (twice on JDK 21 and later), then its caller
    assertThat(ThreadBodies.callerOfStartIsJdk(Stream.of("dev.baton.runtime.Hooks.threadStarting",
        "java.lang.Thread.start", "java.lang.Thread.start",
        "java.util.concurrent.ThreadPoolExecutor.addWorker",
        "java.util.concurrent.ThreadPoolExecutor.execute", "com.acme.Orders.submit"))).isTrue();
    assertThat(ThreadBodies.callerOfStartIsJdk(Stream.of("dev.baton.runtime.Hooks.threadStarting",
        "java.lang.Thread.start", "com.acme.Orders.startWorkers", "java.util.ArrayList.forEach")))
        .as("started by the user's code, wherever that was called from").isFalse();
    assertThat(ThreadBodies.callerOfStartIsJdk(Stream.of("com.acme.Orders.run"))).isFalse();
  }

  @Test
  void aThreadSubclassOfASubclassWithoutARunOfItsOwnRunsItsParentsBody() throws Exception {
    Thread worker = scenarioThread("Threads$LateWorker");
    assertThat(ThreadBodies.startsAtAHook(worker)).isTrue();
    assertThat(ThreadBodies.runByTheJdk(worker)).isFalse();
  }

  /** A new thread of a sample class, as a scenario's loader defines (and rewrites) it. */
  private Thread scenarioThread(String sample) throws ReflectiveOperationException {
    ClassLoader scenario = new InstrumentingClassLoader(getClass().getClassLoader(), List.of());
    return (Thread) scenario.loadClass("dev.baton.instrument.samples." + sample)
        .getConstructor().newInstance();
  }
}
