package dev.baton.instrument;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Makes a class's static state new for the next schedule, as {@link StaticReset} plans it. Its
 * static initialiser says when it starts ({@code Hooks.classInitialised}; a class that can be reset
 * and has none gets one that only says so): a class never initialised is as new as in a new
 * loader, and one whose initialiser cannot run again in place needs a new loader only once it has
 * been. A class that can be reset gets the method that does it, {@code private static synthetic
 * void baton$resetStatics()}: every static field that is not a constant back to its initial value,
 * then a copy of the static initialiser, inside the same bracket as the initialiser itself (so
 * that, in a schedule, nothing in it counts as a step or may be preempted). Fields the initialiser
 * writes lose {@code final}: only an initialiser may write a final field.
 *
 * <p>The copy is the initialiser as compiled, not rewritten; the methods it calls are the
 * rewritten ones, whose hooks count for nothing inside the bracket.
 */
final class StaticResetAdder extends ClassVisitor {
  private final StaticReset.Plan plan;
  private String owner;
  private int version;
  private boolean sawInitialiser;

  /** An adder for one class; {@link #writingTo} tells it where its output goes. */
  StaticResetAdder(StaticReset.Plan plan) {
    super(Opcodes.ASM9);
    this.plan = plan;
  }

  /** This adder, passing what it visits on to {@code next}. */
  StaticResetAdder writingTo(ClassVisitor next) {
    cv = next;
    return this;
  }

  @Override
  public void visit(int version, int access, String name, String signature, String superName,
      String[] interfaces) {
    owner = name;
    this.version = version;
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
      String[] exceptions) {
    MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
    sawInitialiser |= name.equals("<clinit>");
    boolean recorded = name.equals("<clinit>") && recordsInitialisation(version);
    return !recorded ? mv : new MethodVisitor(Opcodes.ASM9, mv) {
      @Override
      public void visitCode() {
        super.visitCode();
        mv.visitLdcInsn(Type.getObjectType(owner));
        HookCalls.invoke(mv, "classInitialised", "(Ljava/lang/Class;)V");
      }
    };
  }

  /** Whether a class file of {@code version} can name its own class ({@code ldc} of a class). */
  private static boolean recordsInitialisation(int version) {
    return (version & 0xFFFF) >= Opcodes.V1_5;
  }

  @Override
  public FieldVisitor visitField(
      int access, String name, String descriptor, String signature, Object value) {
    if ((access & Opcodes.ACC_STATIC) != 0 && plan.unfinal().contains(name)) {
      access &= ~Opcodes.ACC_FINAL;
    }
    return super.visitField(access, name, descriptor, signature, value);
  }

  /**
   * Whether the class says when its initialiser starts: it had one, or got one (a class that can
   * be reset and had none), and its class file version can name its own class.
   */
  boolean saysWhenInitialised() {
    return (sawInitialiser || plan.kind() == StaticReset.Kind.RESET)
        && recordsInitialisation(version);
  }

  @Override
  public void visitEnd() {
    if (plan.kind() != StaticReset.Kind.RESET) {
      super.visitEnd();
      return;
    }
    if (!sawInitialiser && recordsInitialisation(version)) {
      // Only to say when the class is initialised: a reset must not initialise it first.
      MethodVisitor init = super.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
      init.visitCode();
      init.visitLdcInsn(Type.getObjectType(owner));
      HookCalls.invoke(init, "classInitialised", "(Ljava/lang/Class;)V");
      init.visitInsn(Opcodes.RETURN);
      init.visitMaxs(0, 0);
      init.visitEnd();
    }
    MethodVisitor reset = new ClassInitAdapter(super.visitMethod(
        Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
        StaticReset.METHOD, "()V", null, null));
    reset.visitCode();
    for (FieldNode field : plan.resetFields()) {
      if (field.value != null) {
        reset.visitLdcInsn(field.value); // a non-final field with a constant value
      } else {
        pushDefault(reset, Type.getType(field.desc));
      }
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
