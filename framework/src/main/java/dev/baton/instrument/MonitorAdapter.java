package dev.baton.instrument;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rule for {@code monitorenter}/{@code monitorexit}: asks the scheduler first and runs the real
 * instruction only when the model did not take (or release) the monitor itself:
 *
 * <pre>
 * [obj] dup; push site; invokestatic Hooks.monitorEnter(Object,int)Z; ifeq REAL; pop; goto DONE
 * REAL: monitorenter
 * DONE:
 * </pre>
 *
 * <p>{@code Hooks.monitorExit} must not throw: javac's handler for a {@code synchronized} block
 * covers its own {@code monitorexit}, so an exception there (or a real {@code monitorexit} failing
 * because the model answered "handled" at enter but "not handled" at exit) is caught by the same
 * handler again and the thread spins forever.
 */
final class MonitorAdapter extends MethodVisitor {
  private final MethodSites sites;

  MonitorAdapter(MethodVisitor next, MethodSites sites) {
    super(Opcodes.ASM9, next);
    this.sites = sites;
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT) {
      boolean enter = opcode == Opcodes.MONITORENTER;
      Label real = new Label();
      Label done = new Label();
      mv.visitInsn(Opcodes.DUP);
      sites.push(mv, enter ? SiteKind.MONITOR_ENTER : SiteKind.MONITOR_EXIT, "");
      HookCalls.invoke(mv, enter ? "monitorEnter" : "monitorExit", "(Ljava/lang/Object;I)Z");
      mv.visitJumpInsn(Opcodes.IFEQ, real);
      mv.visitInsn(Opcodes.POP);
      mv.visitJumpInsn(Opcodes.GOTO, done);
      mv.visitLabel(real);
      mv.visitInsn(opcode);
      mv.visitLabel(done);
      return;
    }
    super.visitInsn(opcode);
  }
}
