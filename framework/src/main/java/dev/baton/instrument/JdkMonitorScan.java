package dev.baton.instrument;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What a JDK class does with monitors, read from its class file before it is rewritten: whether it
 * has any {@code monitorenter}, {@code monitorexit}, {@code wait} or {@code notify} to model.
 *
 * @param monitors some method locks, waits or notifies
 */
record JdkMonitorScan(boolean monitors) {

  static JdkMonitorScan of(byte[] classFile) {
    boolean[] found = new boolean[1];
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(
          int access, String name, String descriptor, String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitInsn(int opcode) {
            if (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT) found[0] = true;
          }

          @Override
          public void visitMethodInsn(
              int opcode, String owner, String method, String desc, boolean isInterface) {
            if (opcode != Opcodes.INVOKEVIRTUAL
                || !CallReplacementAdapter.OBJECT_METHODS.containsKey(method + desc)) {
              return;
            }
            found[0] = true;
          }
        };
      }
    }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return new JdkMonitorScan(found[0]);
  }
}
