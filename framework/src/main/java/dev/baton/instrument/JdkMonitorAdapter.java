package dev.baton.instrument;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rule for {@code monitorenter}/{@code monitorexit} in JDK code whose monitors are modelled: the
 * same rewriting as user code's ({@link MonitorAdapter}), except for a lock on a static field or a
 * class ({@code getstatic L; dup; astore; monitorenter}): that is JDK-wide state, which threads
 * outside the scenario take for real, so it stays a real monitor. Every {@code monitorexit} asks
 * the model, which releases only what it took. Everything passes through to the {@link
 * MonitorAdapter}, which is told which {@code monitorenter}s stay real.
 */
final class JdkMonitorAdapter extends MethodVisitor {
  private final MonitorAdapter modelled;
  /** The value on top of the stack is a static field's or a class literal (through dup/astore). */
  private boolean staticOnTop;

  JdkMonitorAdapter(MonitorAdapter modelled) {
    super(Opcodes.ASM9, modelled);
    this.modelled = modelled;
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode == Opcodes.MONITORENTER && staticOnTop) modelled.keepNextEnterReal();
    super.visitInsn(opcode);
    if (opcode != Opcodes.DUP) staticOnTop = false;
  }

  @Override
  public void visitVarInsn(int opcode, int varIndex) {
    if (opcode != Opcodes.ASTORE) staticOnTop = false;
    super.visitVarInsn(opcode, varIndex);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    staticOnTop = opcode == Opcodes.GETSTATIC;
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitLdcInsn(Object value) {
    staticOnTop = value instanceof Type;
    super.visitLdcInsn(value);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    staticOnTop = false;
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  @Override
  public void visitInvokeDynamicInsn(
      String name, String descriptor, Handle bootstrap, Object... bootstrapArguments) {
    staticOnTop = false;
    super.visitInvokeDynamicInsn(name, descriptor, bootstrap, bootstrapArguments);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    staticOnTop = false;
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    staticOnTop = false;
    super.visitIntInsn(opcode, operand);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    staticOnTop = false;
    super.visitJumpInsn(opcode, label);
  }
}
