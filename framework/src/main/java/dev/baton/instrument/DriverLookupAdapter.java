package dev.baton.instrument;

import java.util.Set;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rule for calls that make JDBC's {@code DriverManager} look through its registered drivers
 * ({@code getConnection}, {@code getDriver}, {@code getDrivers}, {@code drivers}): first {@link
 * ScenarioDrivers#beforeLookup} with the calling class, so that the drivers of the caller's
 * scenario loader are registered, and between class-initialiser hooks, so that nothing that
 * preparation runs (drivers' initialisers and constructors) is a step of the schedule. The call
 * itself stays the caller's: {@code DriverManager} checks drivers against its caller's loader.
 */
final class DriverLookupAdapter extends MethodVisitor {
  static final String DRIVER_MANAGER = "java/sql/DriverManager";
  private static final Set<String> LOOKUPS = Set.of("getConnection", "getDriver", "getDrivers", "drivers");
  private static final String SCENARIO_DRIVERS = Type.getInternalName(ScenarioDrivers.class);

  private final String caller;
  /** Class constants ({@code ldc} of a class) need class files of Java 5 or later. */
  private final boolean classConstants;

  DriverLookupAdapter(MethodVisitor next, String caller, int classVersion) {
    super(Opcodes.ASM9, next);
    this.caller = caller;
    this.classConstants = (classVersion & 0xFFFF) >= Opcodes.V1_5;
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    if (opcode == Opcodes.INVOKESTATIC && owner.equals(DRIVER_MANAGER) && LOOKUPS.contains(name)) {
      HookCalls.invoke(mv, "classInitEnter", "()V");
      if (classConstants) {
        mv.visitLdcInsn(Type.getObjectType(caller));
      } else {
        mv.visitInsn(Opcodes.ACONST_NULL); // the context class loader stands in for the caller's
      }
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, SCENARIO_DRIVERS, "beforeLookup",
          "(Ljava/lang/Class;)V", false);
      HookCalls.invoke(mv, "classInitExit", "()V");
    }
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }
}
