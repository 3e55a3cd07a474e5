package dev.baton.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Makes a synchronized method's lock explicit (the class visitor removes {@code ACC_SYNCHRONIZED}):
 * {@code monitorenter} on {@code this} or the class at entry, {@code monitorexit} before every
 * return and in a catch-all handler. {@link MonitorAdapter}, further down the chain, turns these
 * into scheduling points like any {@code synchronized} block.
 */
final class SynchronizedMethodAdapter extends BodyBracketAdapter {
  private final boolean isStatic;
  private final String owner;
  private final int classVersion;

  SynchronizedMethodAdapter(MethodVisitor next, boolean isStatic, String owner, int classVersion) {
    super(next);
    this.isStatic = isStatic;
    this.owner = owner;
    this.classVersion = classVersion;
  }

  @Override
  void emitEnter() {
    pushLock();
    mv.visitInsn(Opcodes.MONITORENTER);
  }

  @Override
  void emitExit() {
    pushLock();
    mv.visitInsn(Opcodes.MONITOREXIT);
  }

  private void pushLock() {
    if (!isStatic) {
      mv.visitVarInsn(Opcodes.ALOAD, 0);
    } else if ((classVersion & 0xFFFF) >= Opcodes.V1_5) {
      mv.visitLdcInsn(Type.getObjectType(owner));
    } else {
      // Class files before Java 5 cannot ldc a class; the class is loaded already, so forName is cheap.
      mv.visitLdcInsn(owner.replace('/', '.'));
      mv.visitMethodInsn(
          Opcodes.INVOKESTATIC,
          "java/lang/Class",
          "forName",
          "(Ljava/lang/String;)Ljava/lang/Class;",
          false);
    }
  }
}
