package dev.baton.instrument;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What a JDK class does with monitors and blocking calls, read from its class file before it is
 * rewritten.
 *
 * @param monitors some method locks, waits or notifies ({@code monitorenter}, {@code monitorexit},
 *     {@code wait}, {@code notify})
 * @param blockingCalls some method waits, notifies, sleeps or joins a thread ({@link
 *     JdkBlockingCallsAdapter})
 */
record JdkMonitorScan(boolean monitors, boolean blockingCalls) {
  static final JdkMonitorScan NONE = new JdkMonitorScan(false, false);

  static JdkMonitorScan of(byte[] classFile) {
    boolean[] found = new boolean[2];
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
            if (CallReplacementAdapter.blockingCallOfJdkCode(opcode, owner, method, desc) == null) {
              return;
            }
            found[1] = true;
            if (opcode == Opcodes.INVOKEVIRTUAL
                && CallReplacementAdapter.OBJECT_METHODS.containsKey(method + desc)) {
              found[0] = true;
            }
          }
        };
      }
    }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return new JdkMonitorScan(found[0], found[1]);
  }
}
