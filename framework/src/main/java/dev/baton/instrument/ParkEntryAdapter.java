package dev.baton.instrument;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rule for {@code LockSupport}'s park and unpark methods: {@code if (Hooks.xxx(arg0[, long]))
 * return;} at method entry, so that a managed thread parks (or is unparked) in the model only.
 */
final class ParkEntryAdapter extends MethodVisitor {
  private final boolean firstArgObject;
  private final int longSlot;
  private final String hook;
  private final String hookDescriptor;

  /**
   * @param firstArgObject the first parameter is the blocker or thread (else null is passed)
   * @param longSlot local slot of the long parameter, or -1 when there is none
   */
  ParkEntryAdapter(
      MethodVisitor next, boolean firstArgObject, int longSlot, String hook, String hookDescriptor) {
    super(Opcodes.ASM9, next);
    this.firstArgObject = firstArgObject;
    this.longSlot = longSlot;
    this.hook = hook;
    this.hookDescriptor = hookDescriptor;
  }

  @Override
  public void visitCode() {
    super.visitCode();
    if (firstArgObject) {
      super.visitVarInsn(Opcodes.ALOAD, 0);
    } else {
      super.visitInsn(Opcodes.ACONST_NULL);
    }
    if (longSlot >= 0) {
      super.visitVarInsn(Opcodes.LLOAD, longSlot);
    }
    HookCalls.invoke(mv, hook, hookDescriptor);
    Label proceed = new Label();
    super.visitJumpInsn(Opcodes.IFEQ, proceed);
    super.visitInsn(Opcodes.RETURN);
    super.visitLabel(proceed);
    // Same locals as on entry, empty stack: the original first frame stays valid after it.
    super.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
  }
}
