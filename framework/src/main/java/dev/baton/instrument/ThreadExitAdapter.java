package dev.baton.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Rule for {@code Thread.exit()}: {@code Hooks.threadExit()} on entry. */
final class ThreadExitAdapter extends MethodVisitor {
  ThreadExitAdapter(MethodVisitor next) {
    super(Opcodes.ASM9, next);
  }

  @Override
  public void visitCode() {
    super.visitCode();
    HookCalls.invoke(mv, "threadExit", "()V");
  }
}
