package dev.baton.instrument;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Gives a class whose static state {@link StaticReset} can reset the method that does it: {@code
 * private static synthetic void baton$resetStatics()} sets every static field that is not a
 * constant back to its default and runs a copy of the static initialiser, inside the same
 * bracket as the initialiser itself (so that, in a schedule, nothing in it counts as a step).
 * Fields the initialiser writes lose {@code final}: only an initialiser may write a final field.
 *
 * <p>The copy is the initialiser as compiled, not rewritten: it only does what {@link
 * StaticReset} allows, which has no scheduling point in it.
 */
final class StaticResetAdder extends ClassVisitor {
  private final StaticReset.Plan plan;
  private String owner;

  StaticResetAdder(ClassVisitor next, StaticReset.Plan plan) {
    super(Opcodes.ASM9, next);
    this.plan = plan;
  }

  @Override
  public void visit(int version, int access, String name, String signature, String superName,
      String[] interfaces) {
    owner = name;
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public FieldVisitor visitField(
      int access, String name, String descriptor, String signature, Object value) {
    if ((access & Opcodes.ACC_STATIC) != 0 && plan.unfinal().contains(name)) {
      access &= ~Opcodes.ACC_FINAL;
    }
    return super.visitField(access, name, descriptor, signature, value);
  }

  @Override
  public void visitEnd() {
    MethodVisitor reset = new ClassInitAdapter(super.visitMethod(
        Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
        StaticReset.METHOD, "()V", null, null));
    reset.visitCode();
    for (FieldNode field : plan.resetFields()) {
      pushDefault(reset, Type.getType(field.desc));
      reset.visitFieldInsn(Opcodes.PUTSTATIC, owner, field.name, field.desc);
    }
    if (plan.initialiser() == null) {
      reset.visitInsn(Opcodes.RETURN);
    } else {
      for (TryCatchBlockNode block : plan.initialiser().tryCatchBlocks) block.accept(reset);
      plan.initialiser().instructions.accept(reset);
    }
    reset.visitMaxs(0, 0);
    reset.visitEnd();
    super.visitEnd();
  }

  private static void pushDefault(MethodVisitor mv, Type type) {
    switch (type.getSort()) {
      case Type.LONG -> mv.visitInsn(Opcodes.LCONST_0);
      case Type.FLOAT -> mv.visitInsn(Opcodes.FCONST_0);
      case Type.DOUBLE -> mv.visitInsn(Opcodes.DCONST_0);
      case Type.OBJECT, Type.ARRAY -> mv.visitInsn(Opcodes.ACONST_NULL);
      default -> mv.visitInsn(Opcodes.ICONST_0); // boolean, byte, char, short, int
    }
  }
}
