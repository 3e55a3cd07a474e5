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
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
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

  @Test
  void javacsMonitorsAreRewrittenIntoLockingTheJitStillMatches() {
    String name = TransformingLoader.SAMPLES + "Monitors";
    byte[] rewritten = new UserCodeTransformer(getClass().getClassLoader())
        .transform(name.replace('.', '/'), TransformingLoader.originalBytes(name));
    ClassNode node = new ClassNode();
    new ClassReader(rewritten).accept(node, 0);

    for (MethodNode m : node.methods) {
      List<String> hooks = hooksCalled(m);
      if (!TokenLocking.SAFE) {
        // JDK 19 to 23: a virtual thread would pin its carrier, every method stays conditional
        assertThat(hooks).as(m.name).doesNotContain("monitorToken", "monitorRelease");
        continue;
      }
      long enters = java.util.Arrays.stream(m.instructions.toArray())
          .filter(i -> i.getOpcode() == Opcodes.MONITORENTER).count();
      assertThat(hooks).as(m.name).doesNotContain("monitorEnter", "monitorExit");
      assertThat(hooks.stream().filter("monitorToken"::equals).count()).as(m.name).isEqualTo(enters);
      // the rewritten method is structured itself: every exit releases the token its enter took
      assertThat(MonitorNesting.of(m, false)).as(m.name).isNotNull();
    }
  }

  @Test
  void unstructuredLockingIsRewrittenConditionallyAndStillModelled() throws Throwable {
    byte[] rewritten = unstructuredRewritten();
    ClassNode node = new ClassNode();
    new ClassReader(rewritten).accept(node, 0);
    assertThat(hooksCalled(node.methods.get(0)))
        .contains("monitorEnter", "monitorExit").doesNotContain("monitorToken", "monitorRelease");
    Class<?> type = new ClassLoader(MonitorTest.class.getClassLoader()) {
      Class<?> define() {
        return defineClass("gen.Unstructured", rewritten, 0, rewritten.length);
      }
    }.define();
    Object a = new Object();
    Object b = new Object();

    // the real monitors: b is still held when a is released
    assertThat(callStatic(type, "outOfOrder", a, b)).isEqualTo(true);
    assertThat(recorder.eventsOf(Thread.currentThread()))
        .extracting(e -> e.hook())
        .containsExactly("monitorEnter", "monitorEnter", "monitorExit", "holdsLock", "monitorExit");
    assertThat(targets()).containsExactly(a, b, a, b, b);

    recorder.modelMonitors = true;
    assertThat(callStatic(type, "outOfOrder", a, b)).isEqualTo(false); // no real monitor taken
    assertThat(Thread.holdsLock(a) || Thread.holdsLock(b)).isFalse();
  }

  /**
   * A class whose {@code outOfOrder(a, b)} takes a then b, releases a then b (legal for the JVM,
   * not structured), and answers whether it still held b for real after releasing a.
   */
  private static byte[] unstructuredRewritten() {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "gen/Unstructured", null, "java/lang/Object",
        null);
    MethodVisitor mv = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "outOfOrder",
        "(Ljava/lang/Object;Ljava/lang/Object;)Z", null, null);
    mv.visitCode();
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitInsn(Opcodes.MONITORENTER);
    mv.visitVarInsn(Opcodes.ALOAD, 1);
    mv.visitInsn(Opcodes.MONITORENTER);
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitInsn(Opcodes.MONITOREXIT);
    mv.visitVarInsn(Opcodes.ALOAD, 1);
    mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Thread", "holdsLock",
        "(Ljava/lang/Object;)Z", false);
    mv.visitVarInsn(Opcodes.ISTORE, 2);
    mv.visitVarInsn(Opcodes.ALOAD, 1);
    mv.visitInsn(Opcodes.MONITOREXIT);
    mv.visitVarInsn(Opcodes.ILOAD, 2);
    mv.visitInsn(Opcodes.IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    writer.visitEnd();
    return new UserCodeTransformer(MonitorTest.class.getClassLoader())
        .transform("gen/Unstructured", writer.toByteArray());
  }

  private static List<String> hooksCalled(MethodNode m) {
    return java.util.Arrays.stream(m.instructions.toArray())
        .filter(i -> i instanceof MethodInsnNode call && call.owner.equals(HookCalls.HOOKS))
        .map(i -> ((MethodInsnNode) i).name)
        .toList();
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
