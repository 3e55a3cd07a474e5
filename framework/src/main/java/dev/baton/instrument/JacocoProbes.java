package dev.baton.instrument;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Recognises JaCoCo's probes in a method, so that {@link ArrayAccessAdapter} leaves them alone.
 *
 * <p>Baton rewrites a class after JaCoCo's agent has instrumented it (see {@link
 * DefinitionRewriter}). JaCoCo stores its probe array in a fresh local at the start of each method
 * ({@code ldc $jacocoData} as a dynamic constant, or {@code invokestatic $jacocoInit()[Z}, or
 * {@code getstatic $jacocoData} in old interfaces, then {@code astore}) and marks each probe with
 * {@code aload array; push index; iconst_1; bastore}. Such a store is no shared-memory access of
 * the program: as a scheduling point it would change schedules and tokens under coverage.
 */
final class JacocoProbes extends MethodVisitor {
  /** JaCoCo's names: the probe array's field or dynamic constant, and its initialising method. */
  static final String DATA = "$jacocoData";

  static final String INIT = "$jacocoInit";

  private final ArrayAccessAdapter arrays;
  private boolean loadingArray;
  private int arraySlot = -1;
  /** How far a probe's four instructions have been seen: 0 none, 1 aload, 2 index, 3 iconst_1. */
  private int probeStep;

  JacocoProbes(ArrayAccessAdapter arrays) {
    super(Opcodes.ASM9, arrays);
    this.arrays = arrays;
  }

  @Override
  public void visitLdcInsn(Object value) {
    boolean data = value instanceof ConstantDynamic c && c.getName().equals(DATA);
    boolean index = value instanceof Integer && probeStep == 1;
    reset();
    loadingArray = data;
    if (index) probeStep = 2;
    super.visitLdcInsn(value);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    reset();
    loadingArray = opcode == Opcodes.INVOKESTATIC && name.equals(INIT) && descriptor.equals("()[Z");
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    reset();
    loadingArray = opcode == Opcodes.GETSTATIC && name.equals(DATA) && descriptor.equals("[Z");
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    boolean cast = loadingArray && opcode == Opcodes.CHECKCAST && type.equals("[Z");
    reset();
    loadingArray = cast;
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitVarInsn(int opcode, int varIndex) {
    boolean storesArray = loadingArray && opcode == Opcodes.ASTORE;
    boolean loadsArray = opcode == Opcodes.ALOAD && varIndex == arraySlot;
    reset();
    if (storesArray) arraySlot = varIndex;
    if (loadsArray) probeStep = 1;
    super.visitVarInsn(opcode, varIndex);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    boolean index = probeStep == 1 && (opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH);
    reset();
    if (index) probeStep = 2;
    super.visitIntInsn(opcode, operand);
  }

  @Override
  public void visitInsn(int opcode) {
    boolean constant = opcode >= Opcodes.ICONST_0 && opcode <= Opcodes.ICONST_5;
    int step = probeStep;
    reset();
    if (step == 3 && opcode == Opcodes.BASTORE) {
      arrays.leaveNextStoreAlone();
    } else if (step == 2 && opcode == Opcodes.ICONST_1) {
      probeStep = 3;
    } else if (step == 1 && constant) {
      probeStep = 2;
    }
    super.visitInsn(opcode);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    reset();
    super.visitJumpInsn(opcode, label);
  }

  @Override
  public void visitIincInsn(int varIndex, int increment) {
    reset();
    super.visitIincInsn(varIndex, increment);
  }

  @Override
  public void visitInvokeDynamicInsn(
      String name, String descriptor, Handle bootstrap, Object... bootstrapArguments) {
    reset();
    super.visitInvokeDynamicInsn(name, descriptor, bootstrap, bootstrapArguments);
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    reset();
    super.visitMultiANewArrayInsn(descriptor, numDimensions);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    reset();
    super.visitTableSwitchInsn(min, max, dflt, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    reset();
    super.visitLookupSwitchInsn(dflt, keys, labels);
  }

  private void reset() {
    loadingArray = false;
    probeStep = 0;
  }
}
