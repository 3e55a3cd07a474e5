package dev.baton.instrument;

import dev.baton.instrument.CallReplacementAdapter.Replacement;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rule for the blocking calls JDK code makes for its caller: {@code Object.wait/notify/notifyAll}
 * (on the caller's objects: {@code Timer}'s queue, {@code TimeUnit.timedWait}'s argument) and
 * {@code Thread.sleep} and {@code Thread.join} ({@code TimeUnit.sleep}, {@code timedJoin}). The
 * calls go to the same hooks as user code's, which use the model for a managed thread (and for a
 * monitor the model holds) and make the real call otherwise. A {@code synchronized} method keeps
 * its real {@code wait}, {@code sleep} and {@code join}: the JVM took its monitor at entry
 * (retransformation cannot drop the flag), and a thread parked in the model while holding it would
 * block every other thread on it outside Baton's control.
 */
final class JdkBlockingCallsAdapter extends MethodVisitor {
  private final MethodSites sites;
  private final boolean synchronizedMethod;

  JdkBlockingCallsAdapter(MethodVisitor next, MethodSites sites, boolean synchronizedMethod) {
    super(Opcodes.ASM9, next);
    this.sites = sites;
    this.synchronizedMethod = synchronizedMethod;
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    Replacement replacement =
        CallReplacementAdapter.blockingCallOfJdkCode(opcode, owner, name, descriptor);
    if (replacement == null || (synchronizedMethod && replacement.kind() != SiteKind.NOTIFY
        && replacement.kind() != SiteKind.NOTIFY_ALL)) {
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      return;
    }
    sites.push(mv, replacement.kind(), MethodSites.simpleName(owner));
    HookCalls.invoke(mv, replacement.hook(), replacement.hookDescriptor());
  }
}
