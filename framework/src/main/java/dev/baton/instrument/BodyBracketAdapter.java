package dev.baton.instrument;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Brackets a method body: enter code at the start, exit code before every return and in a
 * catch-all handler that rethrows, like a {@code try/finally} around the whole body.
 *
 * <p>The catch-all is added in {@link #visitMaxs}, after every try/catch block of the method
 * itself, so the method's own handlers keep precedence in the exception table. An explicit
 * {@code athrow} gets no exit code: the exception either meets one of the method's handlers or
 * reaches the catch-all.
 */
abstract class BodyBracketAdapter extends MethodVisitor {
  private final Label bodyStart = new Label();
  private final Label bodyEnd = new Label();
  private final Label handler = new Label();

  BodyBracketAdapter(MethodVisitor next) {
    super(Opcodes.ASM9, next);
  }

  /** Emits the entry code into {@code mv}; the stack is empty. */
  abstract void emitEnter();

  /** Emits the exit code into {@code mv}; must leave the stack as it found it. */
  abstract void emitExit();

  @Override
  public void visitCode() {
    super.visitCode();
    emitEnter();
    mv.visitLabel(bodyStart);
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
      emitExit();
    }
    super.visitInsn(opcode);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    mv.visitLabel(bodyEnd);
    mv.visitTryCatchBlock(bodyStart, bodyEnd, handler, null);
    mv.visitLabel(handler);
    // Sites registered here get the method's last line, as javac gives a synchronized block's
    // handler the line of its closing brace.
    emitExit();
    mv.visitInsn(Opcodes.ATHROW);
    super.visitMaxs(maxStack, maxLocals);
  }
}
