package dev.baton.runtimeclasses;

import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/**
 * A class that exists only at run time, defined by a loader of the scenario's own ({@link
 * BytesLoader}), as a scripting engine defines a compiled script. Its bytes, in Java:
 *
 * <pre>
 * public class Adder {
 *   static { Registry.classInitialised(); }
 *   public static void add(Counter c) { c.count = c.count + 1; }
 *   public static void addSafely(Counter c) { c.addSafely(); }
 * }
 * </pre>
 */
public final class GeneratedAdder {
  public static final String NAME = "dev.baton.runtimeclasses.made.Adder";
  private static final String COUNTER = "dev/baton/runtimeclasses/Counter";

  private GeneratedAdder() {}

  /** Defines the class in a new loader whose parent is the scenario's loader. */
  public static Class<?> define() {
    return new BytesLoader(GeneratedAdder.class.getClassLoader(), NAME, bytes()).adder();
  }

  static byte[] bytes() {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    cw.visit(V17, ACC_PUBLIC, NAME.replace('.', '/'), null, "java/lang/Object", null);
    MethodVisitor init = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
    init.visitCode();
    init.visitMethodInsn(
        INVOKESTATIC, "dev/baton/runtimeclasses/Registry", "classInitialised", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();

    MethodVisitor add = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "add", "(L" + COUNTER + ";)V", null, null);
    add.visitCode();
    add.visitVarInsn(ALOAD, 0);
    add.visitInsn(DUP);
    add.visitFieldInsn(GETFIELD, COUNTER, "count", "I");
    add.visitInsn(ICONST_1);
    add.visitInsn(IADD);
    add.visitFieldInsn(PUTFIELD, COUNTER, "count", "I");
    add.visitInsn(RETURN);
    add.visitMaxs(0, 0);
    add.visitEnd();

    MethodVisitor safe =
        cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "addSafely", "(L" + COUNTER + ";)V", null, null);
    safe.visitCode();
    safe.visitVarInsn(ALOAD, 0);
    safe.visitMethodInsn(INVOKEVIRTUAL, COUNTER, "addSafely", "()V", false);
    safe.visitInsn(RETURN);
    safe.visitMaxs(0, 0);
    safe.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }
}
