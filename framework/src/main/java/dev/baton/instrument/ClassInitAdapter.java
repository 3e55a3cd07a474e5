package dev.baton.instrument;

import org.objectweb.asm.MethodVisitor;

/**
 * Rule for {@code <clinit>}: tells the scheduler when a static initialiser runs, so it never
 * preempts a thread inside one (other threads touching the class would block on the JVM's
 * initialisation lock, outside the model). Nothing else in a static initialiser is instrumented.
 */
final class ClassInitAdapter extends BodyBracketAdapter {

  ClassInitAdapter(MethodVisitor next) {
    super(next);
  }

  @Override
  void emitEnter() {
    HookCalls.invoke(mv, "classInitEnter", "()V");
  }

  @Override
  void emitExit() {
    HookCalls.invoke(mv, "classInitExit", "()V");
  }
}
