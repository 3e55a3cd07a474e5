package dev.baton.instrument;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rule for {@code java.time.Clock.currentInstant()}, behind {@code Instant.now()} and every system
 * clock: {@code Instant i = Hooks.currentInstant(); if (i != null) return i;} at entry.
 */
final class CurrentInstantAdapter extends MethodVisitor {
  CurrentInstantAdapter(MethodVisitor next) {
    super(Opcodes.ASM9, next);
  }

  @Override
  public void visitCode() {
    super.visitCode();
    HookCalls.invoke(mv, "currentInstant", "()Ljava/time/Instant;");
    super.visitInsn(Opcodes.DUP);
    Label real = new Label();
    super.visitJumpInsn(Opcodes.IFNULL, real);
    super.visitInsn(Opcodes.ARETURN);
    super.visitLabel(real);
    super.visitFrame(Opcodes.F_SAME1, 0, null, 1, new Object[] {"java/time/Instant"});
    super.visitInsn(Opcodes.POP);
  }
}
