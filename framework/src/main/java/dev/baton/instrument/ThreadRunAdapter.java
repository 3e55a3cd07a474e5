package dev.baton.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rule for a thread's body ({@code Thread.run()}, {@code ForkJoinWorkerThread.run()}, the {@code
 * run()} of a user's {@code Thread} subclass): {@code Hooks.threadRuns()} on entry, so a started
 * thread waits there for the baton before it runs any code, even code without a scheduling point
 * of its own (a JDK method given as a method reference). Its starter need not wait for it to get
 * there: nothing comes before it.
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
