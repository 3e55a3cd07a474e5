package dev.baton.instrument;

import dev.baton.instrument.CallReplacementAdapter.Replacement;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rule for {@code Object.wait/notify/notifyAll} in JDK code whose monitors are modelled: the calls
 * go to the same hooks as user code's, which use the model when it holds the monitor and make the
 * real call otherwise. A {@code synchronized} method keeps its real {@code wait}: the JVM took its
 * monitor at entry (retransformation cannot drop the flag), and a thread parked in the model while
 * holding it would block every other thread on it outside Baton's control.
 */
final class WaitNotifyAdapter extends MethodVisitor {
  private final MethodSites sites;
  private final boolean synchronizedMethod;

  WaitNotifyAdapter(MethodVisitor next, MethodSites sites, boolean synchronizedMethod) {
    super(Opcodes.ASM9, next);
    this.sites = sites;
    this.synchronizedMethod = synchronizedMethod;
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    Replacement replacement = opcode == Opcodes.INVOKEVIRTUAL
        ? CallReplacementAdapter.OBJECT_METHODS.get(name + descriptor) : null;
    if (replacement == null || (synchronizedMethod && name.equals("wait"))) {
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      return;
    }
    sites.push(mv, replacement.kind(), MethodSites.simpleName(owner));
    HookCalls.invoke(mv, replacement.hook(), replacement.hookDescriptor());
  }
}
