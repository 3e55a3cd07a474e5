package dev.baton.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rule for {@code java.util.concurrent} (outside {@code LockSupport}): {@code Unsafe.park/unpark}
 * (JDK 25's ForkJoinPool parks and wakes its workers with them) go through the hooks like {@code
 * LockSupport}'s.
 */
final class UnsafeParkAdapter extends MethodVisitor {
  UnsafeParkAdapter(MethodVisitor next) {
    super(Opcodes.ASM9, next);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String method, String descriptor, boolean isInterface) {
    boolean unsafe = opcode == Opcodes.INVOKEVIRTUAL && owner.equals("jdk/internal/misc/Unsafe");
    if (unsafe && method.equals("park") && descriptor.equals("(ZJ)V")) {
      HookCalls.invoke(mv, "unsafePark", "(Ljava/lang/Object;ZJ)V");
    } else if (unsafe && method.equals("unpark") && descriptor.equals("(Ljava/lang/Object;)V")) {
      HookCalls.invoke(mv, "unsafeUnpark", "(Ljava/lang/Object;Ljava/lang/Object;)V");
    } else {
      super.visitMethodInsn(opcode, owner, method, descriptor, isInterface);
    }
  }
}
