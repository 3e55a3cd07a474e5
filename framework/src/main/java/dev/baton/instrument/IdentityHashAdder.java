package dev.baton.instrument;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Gives a user class that inherits {@code Object.hashCode()} a {@code hashCode()} that is the same
 * in every run of a schedule: the JVM's identity hash differs from run to run, so a {@code
 * HashSet} of such objects would iterate in a different order in a replay. The hash is taken once
 * per object from {@link dev.baton.runtime.Hooks#identityHash} (numbered in order of first use in
 * managed threads, the real identity hash elsewhere) and kept in a synthetic transient field.
 *
 * <p>Left alone: interfaces, annotations, enums, records and classes with another superclass (they
 * inherit a {@code hashCode} that is not {@code Object}'s, or cannot take a field), classes that
 * define {@code hashCode}, and serializable classes without a {@code serialVersionUID} (the new
 * method would change the one Java computes for them).
 */
final class IdentityHashAdder extends ClassVisitor {
  static final String FIELD = "baton$identityHash";

  private String owner;
  private boolean eligible;
  private boolean serializable;
  private boolean declaresHashCode;
  private boolean declaresSerialVersion;

  IdentityHashAdder(ClassVisitor next) {
    super(Opcodes.ASM9, next);
  }

  @Override
  public void visit(
      int version, int access, String name, String signature, String superName,
      String[] interfaces) {
    owner = name;
    int notAClass =
        Opcodes.ACC_INTERFACE | Opcodes.ACC_ANNOTATION | Opcodes.ACC_ENUM | Opcodes.ACC_MODULE;
    eligible = (access & notAClass) == 0 && "java/lang/Object".equals(superName);
    if (interfaces != null) {
      for (String i : interfaces) serializable |= i.equals("java/io/Serializable");
    }
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public FieldVisitor visitField(
      int access, String name, String descriptor, String signature, Object value) {
    declaresSerialVersion |= name.equals("serialVersionUID");
    return super.visitField(access, name, descriptor, signature, value);
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    declaresHashCode |= name.equals("hashCode") && descriptor.equals("()I");
    return super.visitMethod(access, name, descriptor, signature, exceptions);
  }

  @Override
  public void visitEnd() {
    if (eligible && !declaresHashCode && (!serializable || declaresSerialVersion)) {
      addHashCode();
    }
    super.visitEnd();
  }

  /**
   * {@code public int hashCode() { int h = this.baton$identityHash; if (h == 0) { h =
   * Hooks.identityHash(this); this.baton$identityHash = h; } return h; }}
   */
  private void addHashCode() {
    int fieldAccess = Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC;
    FieldVisitor fv = super.visitField(fieldAccess, FIELD, "I", null, null);
    if (fv != null) fv.visitEnd();
    MethodVisitor mv = super.visitMethod(Opcodes.ACC_PUBLIC, "hashCode", "()I", null, null);
    mv.visitCode();
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitFieldInsn(Opcodes.GETFIELD, owner, FIELD, "I");
    mv.visitVarInsn(Opcodes.ISTORE, 1);
    mv.visitVarInsn(Opcodes.ILOAD, 1);
    Label known = new Label();
    mv.visitJumpInsn(Opcodes.IFNE, known);
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    HookCalls.invoke(mv, "identityHash", "(Ljava/lang/Object;)I");
    mv.visitVarInsn(Opcodes.ISTORE, 1);
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitVarInsn(Opcodes.ILOAD, 1);
    mv.visitFieldInsn(Opcodes.PUTFIELD, owner, FIELD, "I");
    mv.visitLabel(known);
    mv.visitVarInsn(Opcodes.ILOAD, 1);
    mv.visitInsn(Opcodes.IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }
}
