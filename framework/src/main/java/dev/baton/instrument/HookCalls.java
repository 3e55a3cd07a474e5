package dev.baton.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Emits calls to {@link dev.baton.runtime.Hooks}, named here once so the visitors agree. */
final class HookCalls {
  static final String HOOKS = "dev/baton/runtime/Hooks";

  private HookCalls() {}

  static void invoke(MethodVisitor mv, String name, String descriptor) {
    mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, name, descriptor, false);
  }
}
