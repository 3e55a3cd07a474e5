package dev.baton.instrument;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The bridge methods of one class for method references to replaced methods: {@code lock::notifyAll}
 * becomes a reference to {@code static void baton$ref$0(Object lock)}, whose body calls {@code
 * Hooks.objectNotifyAll(lock, site)}. Emitted once the class's own methods are written.
 */
final class MethodReferenceBridges {
  private record Bridge(String name, String descriptor, CallReplacementAdapter.Replacement hook, int site) {}

  private final String owner;
  private final boolean ownerIsInterface;
  private final int version;
  private final List<Bridge> bridges = new ArrayList<>();

  MethodReferenceBridges(String owner, boolean ownerIsInterface, int version) {
    this.owner = owner;
    this.ownerIsInterface = ownerIsInterface;
    this.version = version;
  }

  /** A handle to a new bridge that does what {@code target} does, through {@code hook}. */
  Handle bridge(Handle target, boolean isStatic, CallReplacementAdapter.Replacement hook, int site) {
    Type method = Type.getMethodType(target.getDesc());
    Type[] parameters = method.getArgumentTypes();
    if (!isStatic) {
      Type[] withReceiver = new Type[parameters.length + 1];
      withReceiver[0] = Type.getObjectType(target.getOwner());
      System.arraycopy(parameters, 0, withReceiver, 1, parameters.length);
      parameters = withReceiver;
    }
    String descriptor = Type.getMethodDescriptor(method.getReturnType(), parameters);
    Bridge bridge = new Bridge("baton$ref$" + bridges.size(), descriptor, hook, site);
    bridges.add(bridge);
    return new Handle(Opcodes.H_INVOKESTATIC, owner, bridge.name(), descriptor, ownerIsInterface);
  }

  void emit(ClassVisitor cv) {
    // Interfaces may have private methods from class file version 53 (Java 9) on.
    boolean privateAllowed = !ownerIsInterface || (version & 0xFFFF) >= Opcodes.V9;
    int access = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC
        | (privateAllowed ? Opcodes.ACC_PRIVATE : Opcodes.ACC_PUBLIC);
    for (Bridge bridge : bridges) {
      MethodVisitor mv = cv.visitMethod(access, bridge.name(), bridge.descriptor(), null, null);
      mv.visitCode();
      int slot = 0;
      for (Type parameter : Type.getArgumentTypes(bridge.descriptor())) {
        mv.visitVarInsn(parameter.getOpcode(Opcodes.ILOAD), slot);
        slot += parameter.getSize();
      }
      if (bridge.hook().kind() != null) {
        MethodSites.pushInt(mv, bridge.site());
      }
      HookCalls.invoke(mv, bridge.hook().hook(), bridge.hook().hookDescriptor());
      mv.visitInsn(Type.getReturnType(bridge.descriptor()).getOpcode(Opcodes.IRETURN));
      mv.visitMaxs(0, 0); // computed by the class writer
      mv.visitEnd();
    }
  }
}
