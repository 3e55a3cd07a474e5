package dev.baton.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rule for clock reads in JDK code: {@code System.nanoTime()}/{@code currentTimeMillis()} calls
 * read the virtual clock instead ({@code Hooks.nanoTime()}/{@code currentTimeMillis()}, no
 * scheduling point); {@code millisHook}, when not null, names the hook that replaces {@code
 * currentTimeMillis()}.
 */
final class ClockReadAdapter extends MethodVisitor {
  private final String millisHook;

  ClockReadAdapter(MethodVisitor next, String millisHook) {
    super(Opcodes.ASM9, next);
    this.millisHook = millisHook;
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String method, String descriptor, boolean isInterface) {
    if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System")
        && descriptor.equals("()J")
        && (method.equals("nanoTime") || method.equals("currentTimeMillis"))) {
      String hook = method.equals("currentTimeMillis") && millisHook != null ? millisHook : method;
      HookCalls.invoke(mv, hook, "()J");
    } else {
      super.visitMethodInsn(opcode, owner, method, descriptor, isInterface);
    }
  }
}
