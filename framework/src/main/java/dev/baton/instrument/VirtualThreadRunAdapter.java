package dev.baton.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rule for {@code VirtualThread.run(Runnable)}, the body of a virtual thread: it begins and ends
 * there, not in {@code Thread.run()}/{@code exit()}. On JDK 21 the body mounts the thread first and
 * unmounts it last: the hooks must run while mounted, where the current thread is the virtual one
 * (on the carrier they find no managed thread and do nothing).
 */
final class VirtualThreadRunAdapter extends ThreadRunAdapter {
  VirtualThreadRunAdapter(MethodVisitor next) {
    super(next);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String method, String descriptor, boolean isInterface) {
    boolean mounting = owner.equals(JdkTargets.VIRTUAL_THREAD) && descriptor.equals("()V");
    if (mounting && method.equals("unmount")) {
      HookCalls.invoke(mv, "threadExit", "()V");
    }
    super.visitMethodInsn(opcode, owner, method, descriptor, isInterface);
    if (mounting && method.equals("mount")) {
      HookCalls.invoke(mv, "threadRuns", "()V");
    }
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode == Opcodes.RETURN || opcode == Opcodes.ATHROW) {
      HookCalls.invoke(mv, "threadExit", "()V");
    }
    super.visitInsn(opcode);
  }
}
