package dev.baton.instrument;

import static dev.baton.instrument.SiteKind.MONITOR_ENTER;
import static dev.baton.instrument.SiteKind.MONITOR_EXIT;
import static dev.baton.instrument.SiteKind.READ;
import static dev.baton.instrument.SiteKind.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/** Rules 4 and 5: monitorenter/monitorexit and synchronized methods. */
class MonitorTest extends InstrumentedTestSupport {

  @Test
  void nestedBlocksEnterAndExitInOrderAndStillTakeTheRealMonitors() throws Throwable {
    Object monitors = construct("Monitors");
    Object first = field(monitors, "first");
    Object second = field(monitors, "second");
    clearEvents();

    assertThat(call(monitors, "nested")).isEqualTo(true);

    assertThat(described())
        .containsExactly(
            at(MONITOR_ENTER, "", "Monitors", "nested-first"),
            at(MONITOR_ENTER, "", "Monitors", "nested-second"),
            at(READ, "Monitors.count", "Monitors", "nested-count"),
            at(WRITE, "Monitors.count", "Monitors", "nested-count"),
            "holdsLock",
            "holdsLock",
            at(MONITOR_EXIT, "", "Monitors", "nested-return"),
            at(MONITOR_EXIT, "", "Monitors", "nested-return"));
    assertThat(targets())
        .containsExactly(first, second, monitors, monitors, first, second, second, first);
    assertThat(Thread.holdsLock(first) || Thread.holdsLock(second)).isFalse();
  }

  @Test
  void whenTheModelTakesTheMonitorTheRealInstructionIsSkipped() throws Throwable {
    Object monitors = construct("Monitors");
    recorder.modelMonitors = true;

    assertThat(call(monitors, "nested")).isEqualTo(false);
    assertThat(call(monitors, "syncMethod")).isEqualTo(false);
    assertThat(callStatic("Monitors", "staticSync")).isEqualTo(false);
    assertThat(field(monitors, "count")).isEqualTo(2);
  }

  @Test
  void aSynchronizedMethodLocksThisExplicitlyAndHoldsTheRealMonitor() throws Throwable {
    Object monitors = construct("Monitors");
    clearEvents();

    assertThat(call(monitors, "syncMethod")).isEqualTo(true);

    assertThat(described())
        .containsExactly(
            at(MONITOR_ENTER, "", "Monitors", "sync-count"),
            at(READ, "Monitors.count", "Monitors", "sync-count"),
            at(WRITE, "Monitors.count", "Monitors", "sync-count"),
            "holdsLock",
            at(MONITOR_EXIT, "", "Monitors", "sync-return"));
    assertThat(targets()).containsOnly(monitors);
    assertThat(Thread.holdsLock(monitors)).isFalse();
  }

  @Test
  void aStaticSynchronizedMethodLocksTheClass() throws Throwable {
    Class<?> type = sample("Monitors");

    assertThat(callStatic("Monitors", "staticSync")).isEqualTo(true);

    assertThat(described())
        .containsExactly(
            at(MONITOR_ENTER, "", "Monitors", "static-sync"),
            "holdsLock",
            at(MONITOR_EXIT, "", "Monitors", "static-sync"));
    assertThat(targets()).containsOnly(type);
  }

  @Test
  void theSynchronizedFlagIsRemovedAndTheCatchAllHandlerComesLast() {
    String name = TransformingLoader.SAMPLES + "Monitors";
    byte[] rewritten =
        new UserCodeTransformer(getClass().getClassLoader())
            .transform(name.replace('.', '/'), TransformingLoader.originalBytes(name));
    ClassNode node = new ClassNode();
    new ClassReader(rewritten).accept(node, 0);

    for (String method : List.of("syncMethod", "staticSync", "throwing", "loopAtStart")) {
      MethodNode m = node.methods.stream().filter(x -> x.name.equals(method)).findFirst().orElseThrow();
      assertThat(Modifier.isSynchronized(m.access)).as(method).isFalse();
      TryCatchBlockNode last = m.tryCatchBlocks.get(m.tryCatchBlocks.size() - 1);
      assertThat(last.type).as(method).isNull();
    }
    MethodNode throwing =
        node.methods.stream().filter(x -> x.name.equals("throwing")).findFirst().orElseThrow();
    assertThat(throwing.tryCatchBlocks.get(0).type).isEqualTo("java/lang/IllegalStateException");
  }

  @Test
  void theMethodsOwnHandlerRunsFirstAndAnEscapingExceptionReleasesTheMonitor() throws Throwable {
    Object monitors = construct("Monitors");
    clearEvents();

    assertThatThrownBy(() -> call(monitors, "throwing", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("out");

    assertThat(field(monitors, "count")).isEqualTo(-1);
    assertThat(Thread.holdsLock(monitors)).isFalse();
    int catchLine = SourceLines.of("Monitors", "throwing-catch");
    assertThat(described())
        .containsExactly(
            // the method's first line is the if inside try (try itself has no code)
            "MONITOR_ENTER :" + (SourceLines.of("Monitors", "throwing-own") - 1),
            at(WRITE, "Monitors.count", "Monitors", "throwing-catch"),
            "READ Monitors.count :" + (catchLine + 2),
            // like javac's handler for a block's closing brace, the catch-all has the method's last line
            at(MONITOR_EXIT, "", "Monitors", "throwing-last"));
    assertThat(targets()).containsOnly(monitors);

    // another thread can take the monitor: it really was released
    AtomicBoolean entered = new AtomicBoolean();
    Thread other = new Thread(() -> {
      synchronized (monitors) {
        entered.set(true);
      }
    });
    other.start();
    other.join(10_000);
    assertThat(entered).isTrue();
  }

  @Test
  void aSynchronizedMethodThatReturnsNormallyExitsOnce() throws Throwable {
    Object monitors = construct("Monitors");
    clearEvents();

    assertThat(call(monitors, "throwing", false)).isEqualTo(0);

    assertThat(recorder.eventsOf(Thread.currentThread()))
        .extracting(e -> e.site().kind())
        .containsExactly(MONITOR_ENTER, READ, READ, MONITOR_EXIT);
  }

  @Test
  void aLoopAtTheFirstInstructionTakesTheLockOnce() throws Throwable {
    Object monitors = construct("Monitors");
    clearEvents();

    assertThat(call(monitors, "loopAtStart", 3)).isEqualTo(3);

    List<String> events = described();
    String loop = " :" + SourceLines.of("Monitors", "loop");
    assertThat(events.get(0)).isEqualTo("MONITOR_ENTER" + loop);
    assertThat(events).filteredOn(e -> e.startsWith("MONITOR_ENTER")).hasSize(1);
    assertThat(events).filteredOn(e -> e.startsWith("MONITOR_EXIT")).hasSize(1);
    assertThat(events).filteredOn(e -> e.startsWith("WRITE")).hasSize(3);
    assertThat(events.get(events.size() - 1)).startsWith("MONITOR_EXIT");
  }

  @Test
  void aReentrantMonitorIsEnteredAndExitedTwice() throws Throwable {
    Object monitors = construct("Monitors");
    Object first = field(monitors, "first");
    clearEvents();

    assertThat(call(monitors, "reentrant")).isEqualTo(true);

    assertThat(described())
        .containsExactly(
            at(MONITOR_ENTER, "", "Monitors", "reentrant"),
            at(MONITOR_ENTER, "", "Monitors", "sync-on"),
            "holdsLock",
            at(MONITOR_EXIT, "", "Monitors", "sync-on-return"),
            at(MONITOR_EXIT, "", "Monitors", "reentrant-return"));
    assertThat(targets()).containsOnly(first);
  }

  @Test
  void realMutualExclusionIsKeptWhenNothingIsManaged() throws Throwable {
    Object monitors = construct("Monitors");
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      synchronized (monitors) {
        inside.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    holder.start();
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

    Thread caller = new Thread(() -> {
      try {
        call(monitors, "syncMethod");
      } catch (Throwable e) {
        throw new AssertionError(e);
      }
    });
    caller.start();
    // the rewritten synchronized method blocks on the real monitor the holder has
    awaitState(caller, Thread.State.BLOCKED);
    release.countDown();
    caller.join(10_000);
    holder.join(10_000);
    assertThat(caller.isAlive()).isFalse();
    assertThat(field(monitors, "count")).isEqualTo(1);
  }

  static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (thread.getState() != state) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(thread + " never reached " + state + ", is " + thread.getState());
      }
      Thread.sleep(1);
    }
  }
}
