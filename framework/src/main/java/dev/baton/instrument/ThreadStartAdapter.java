package dev.baton.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rule for {@code Thread.start} (and {@code VirtualThread.start}): {@code
 * Hooks.threadStarting(this)} on entry, {@code Hooks.threadStarted(this)} on return.
 */
final class ThreadStartAdapter extends MethodVisitor {
  ThreadStartAdapter(MethodVisitor next) {
    super(Opcodes.ASM9, next);
  }

  @Override
  public void visitCode() {
    super.visitCode();
    super.visitVarInsn(Opcodes.ALOAD, 0);
    HookCalls.invoke(mv, "threadStarting", "(Ljava/lang/Thread;)V");
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode == Opcodes.RETURN) {
      super.visitVarInsn(Opcodes.ALOAD, 0);
      HookCalls.invoke(mv, "threadStarted", "(Ljava/lang/Thread;)V");
    }
    super.visitInsn(opcode);
  }
}
