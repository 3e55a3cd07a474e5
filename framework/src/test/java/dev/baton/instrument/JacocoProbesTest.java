package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.OfflineInstrumentationAccessGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * JaCoCo's probes get no scheduling points: a class JaCoCo instrumented first is rewritten with
 * exactly the hooks of the class alone, in every method, in both of JaCoCo's forms (a dynamic
 * constant for Java 11+ class files, {@code invokestatic $jacocoInit} before).
 */
class JacocoProbesTest {
  private static final String SAMPLE = "dev.baton.instrument.samples.ArrayOps";

  @ParameterizedTest(name = "class file version {0}")
  @ValueSource(ints = {0, Opcodes.V1_8})
  void jacocoInstrumentedClassesGetTheHooksOfTheOriginalOnly(int version) throws Exception {
    String name = version == 0 ? SAMPLE : "dev/baton/instrument/Java8Sample";
    byte[] original =
        version == 0 ? TransformingLoader.originalBytes(SAMPLE) : java8ClassWithArrays();
    byte[] covered = new Instrumenter(new OfflineInstrumentationAccessGenerator())
        .instrument(original, name);
    UserCodeTransformer baton = new UserCodeTransformer(getClass().getClassLoader());
    String internalName = name.replace('.', '/');

    Map<String, Integer> alone = hooksPerMethod(baton.transform(internalName, original));
    Map<String, Integer> afterJacoco = hooksPerMethod(baton.transform(internalName, covered));

    assertThat(alone.values()).as("the sample has scheduling points").anyMatch(n -> n > 0);
    assertThat(probeStores(covered)).as("JaCoCo added its probes").isPositive();
    assertThat(afterJacoco).containsEntry(JacocoProbes.INIT, 0);
    afterJacoco.remove(JacocoProbes.INIT);
    assertThat(afterJacoco).isEqualTo(alone);
  }

  /** Hook calls in each method, by name and descriptor. */
  private static Map<String, Integer> hooksPerMethod(byte[] classFile) {
    Map<String, Integer> hooks = new TreeMap<>();
    for (MethodNode method : read(classFile).methods) {
      int count = 0;
      for (AbstractInsnNode insn : method.instructions) {
        if (insn instanceof MethodInsnNode call && call.owner.equals(HookCalls.HOOKS)) count++;
      }
      String key = method.name.equals(JacocoProbes.INIT) ? method.name : method.name + method.desc;
      hooks.put(key, count);
    }
    return hooks;
  }

  private static int probeStores(byte[] classFile) {
    int stores = 0;
    for (MethodNode method : read(classFile).methods) {
      for (AbstractInsnNode insn : method.instructions) {
        if (insn.getOpcode() == Opcodes.BASTORE) stores++;
      }
    }
    return stores;
  }

  private static ClassNode read(byte[] classFile) {
    ClassNode node = new ClassNode();
    new ClassReader(classFile).accept(node, 0);
    return node;
  }

  /** {@code static void swap(int[] a, boolean flip) {if (flip) a[0] = a[1]; else a[1] = a[0];}} */
  private static byte[] java8ClassWithArrays() {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER,
        "dev/baton/instrument/Java8Sample", null, "java/lang/Object", null);
    MethodVisitor mv = writer.visitMethod(
        Opcodes.ACC_STATIC, "swap", "([IZ)V", null, null);
    mv.visitCode();
    Label otherwise = new Label();
    Label done = new Label();
    mv.visitVarInsn(Opcodes.ILOAD, 1);
    mv.visitJumpInsn(Opcodes.IFEQ, otherwise);
    copy(mv, 1, 0);
    mv.visitJumpInsn(Opcodes.GOTO, done);
    mv.visitLabel(otherwise);
    copy(mv, 0, 1);
    mv.visitLabel(done);
    mv.visitInsn(Opcodes.RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  private static void copy(MethodVisitor mv, int from, int to) {
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitInsn(Opcodes.ICONST_0 + to);
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitInsn(Opcodes.ICONST_0 + from);
    mv.visitInsn(Opcodes.IALOAD);
    mv.visitInsn(Opcodes.IASTORE);
  }
}
