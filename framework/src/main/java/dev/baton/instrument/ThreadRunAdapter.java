package dev.baton.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rule for a thread's body ({@code Thread.run()}, {@code ForkJoinWorkerThread.run()}): {@code
 * Hooks.threadRuns()} on entry, so a started thread waits there for the baton before it runs any
 * code, even code without a scheduling point of its own (a JDK method given as a method reference).
 */
class ThreadRunAdapter extends MethodVisitor {
  ThreadRunAdapter(MethodVisitor next) {
    super(Opcodes.ASM9, next);
  }

  @Override
  public void visitCode() {
    super.visitCode();
    HookCalls.invoke(mv, "threadRuns", "()V");
  }
}
