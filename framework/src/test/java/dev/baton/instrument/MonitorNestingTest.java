package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Which methods lock in the structured way the JIT compiles, and at what depth. */
class MonitorNestingTest {

  @Test
  void javacsNestedBlocksAreStructuredWithTheirDepths() {
    MethodNode nested = sampleMethod("Monitors", "nested");

    Map<AbstractInsnNode, Integer> depths = MonitorNesting.of(nested, true);

    assertThat(depths).isNotNull();
    assertThat(depthsOf(nested, depths, Opcodes.MONITORENTER)).containsExactly(0, 1);
    // the normal exits, then each block's catch-all handler: the inner one first in the code
    assertThat(depthsOf(nested, depths, Opcodes.MONITOREXIT)).containsExactly(2, 1, 2, 1);
  }

  @Test
  void everyJavacMethodOfTheSamplesIsStructured() {
    for (String sample : List.of("Monitors", "Mailbox", "Threads", "StaticInit")) {
      for (MethodNode m : sampleClass(sample).methods) {
        assertThat(MonitorNesting.of(m, true)).as(sample + "." + m.name).isNotNull();
      }
    }
  }

  @Test
  void aMonitorNamedByNoLocalOrConstantIsNotStructured() {
    MethodNode m = method(mv -> {
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitInsn(Opcodes.MONITORENTER);
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitInsn(Opcodes.MONITOREXIT);
      mv.visitInsn(Opcodes.RETURN);
    });
    assertThat(MonitorNesting.of(m, true)).isNotNull(); // local 0 names the monitor on both sides

    MethodNode fromACall = method(mv -> {
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, "X", "lock", "()Ljava/lang/Object;");
      mv.visitInsn(Opcodes.MONITORENTER);
      mv.visitInsn(Opcodes.RETURN);
    });
    assertThat(MonitorNesting.of(fromACall, true)).isNull();
  }

  @Test
  void releasingInAnotherOrderThanTakenIsNotStructured() {
    MethodNode m = method(mv -> {
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitInsn(Opcodes.MONITORENTER);
      mv.visitVarInsn(Opcodes.ALOAD, 1);
      mv.visitInsn(Opcodes.MONITORENTER);
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitInsn(Opcodes.MONITOREXIT);
      mv.visitVarInsn(Opcodes.ALOAD, 1);
      mv.visitInsn(Opcodes.MONITOREXIT);
      mv.visitInsn(Opcodes.RETURN);
    });
    assertThat(MonitorNesting.of(m, true)).isNull();
  }

  @Test
  void returningWhileHoldingAMonitorIsNotStructured() {
    MethodNode m = method(mv -> {
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitInsn(Opcodes.MONITORENTER);
      mv.visitInsn(Opcodes.RETURN);
    });
    assertThat(MonitorNesting.of(m, true)).isNull();
  }

  @Test
  void pathsThatMeetHoldingDifferentMonitorsAreNotStructured() {
    MethodNode m = method(mv -> {
      Label skip = new Label();
      mv.visitVarInsn(Opcodes.ILOAD, 2);
      mv.visitJumpInsn(Opcodes.IFEQ, skip);
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitInsn(Opcodes.MONITORENTER);
      mv.visitLabel(skip); // reached holding the monitor, or not
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitInsn(Opcodes.MONITOREXIT);
      mv.visitInsn(Opcodes.RETURN);
    });
    assertThat(MonitorNesting.of(m, true)).isNull();
  }

  @Test
  void aHandlerReachedHoldingDifferentMonitorsIsNotStructured() {
    MethodNode m = method(mv -> {
      Label start = new Label();
      Label end = new Label();
      Label handler = new Label();
      mv.visitTryCatchBlock(start, end, handler, null);
      mv.visitLabel(start);
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, "X", "before", "()V"); // holding nothing
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitInsn(Opcodes.MONITORENTER);
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, "X", "inside", "()V"); // holding one
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitInsn(Opcodes.MONITOREXIT);
      mv.visitLabel(end);
      mv.visitInsn(Opcodes.RETURN);
      mv.visitLabel(handler);
      mv.visitInsn(Opcodes.ATHROW);
    });
    assertThat(MonitorNesting.of(m, true)).isNull();
  }

  @Test
  void aThrowingInstructionHoldingAMonitorMustBeCaughtByACatchAll() {
    MethodNode m = method(mv -> {
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitInsn(Opcodes.MONITORENTER);
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, "X", "inside", "()V", false); // nothing catches it
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitInsn(Opcodes.MONITOREXIT);
      mv.visitInsn(Opcodes.RETURN);
    });
    assertThat(MonitorNesting.of(m, true)).isNull();
  }

  @Test
  void aClassConstantNamingAnExitMayThrowUnlessTheRewriteMovesIt() {
    // a static synchronized method as SynchronizedMethodAdapter brackets it: the handler's own
    // ldc runs holding the monitor, covered by no catch-all
    MethodNode m = method(mv -> {
      Label start = new Label();
      Label end = new Label();
      Label handler = new Label();
      mv.visitLdcInsn(org.objectweb.asm.Type.getObjectType("X"));
      mv.visitInsn(Opcodes.MONITORENTER);
      mv.visitLabel(start);
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, "X", "inside", "()V", false);
      mv.visitLdcInsn(org.objectweb.asm.Type.getObjectType("X"));
      mv.visitInsn(Opcodes.MONITOREXIT);
      mv.visitInsn(Opcodes.RETURN);
      mv.visitLabel(end);
      mv.visitTryCatchBlock(start, end, handler, null);
      mv.visitLabel(handler);
      mv.visitLdcInsn(org.objectweb.asm.Type.getObjectType("X"));
      mv.visitInsn(Opcodes.MONITOREXIT);
      mv.visitInsn(Opcodes.ATHROW);
    });
    assertThat(MonitorNesting.of(m, false)).isNull();
    assertThat(MonitorNesting.of(m, true)).isNotNull();
  }

  @Test
  void storingToTheLocalThatNamesAHeldMonitorIsNotStructured() {
    MethodNode m = method(mv -> {
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitInsn(Opcodes.DUP);
      mv.visitVarInsn(Opcodes.ASTORE, 1);
      mv.visitInsn(Opcodes.MONITORENTER);
      mv.visitInsn(Opcodes.ACONST_NULL);
      mv.visitVarInsn(Opcodes.ASTORE, 1); // the exit below would name another object
      mv.visitVarInsn(Opcodes.ALOAD, 1);
      mv.visitInsn(Opcodes.MONITOREXIT);
      mv.visitInsn(Opcodes.RETURN);
    });
    assertThat(MonitorNesting.of(m, true)).isNull();
  }

  private static List<Integer> depthsOf(
      MethodNode m, Map<AbstractInsnNode, Integer> depths, int opcode) {
    return Arrays.stream(m.instructions.toArray())
        .filter(i -> i.getOpcode() == opcode)
        .map(depths::get)
        .toList();
  }

  /** A static method {@code (Object, Object, boolean)V} with the code {@code body} writes. */
  private static MethodNode method(Consumer<MethodNode> body) {
    MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", "(Ljava/lang/Object;Ljava/lang/Object;Z)V",
        null, null);
    m.visitCode();
    body.accept(m);
    m.visitMaxs(4, 3);
    m.visitEnd();
    return m;
  }

  private static MethodNode sampleMethod(String sample, String name) {
    return sampleClass(sample).methods.stream()
        .filter(m -> m.name.equals(name)).findFirst().orElseThrow();
  }

  private static ClassNode sampleClass(String sample) {
    ClassNode node = new ClassNode();
    new ClassReader(TransformingLoader.originalBytes(TransformingLoader.SAMPLES + sample))
        .accept(node, 0);
    return node;
  }
}
