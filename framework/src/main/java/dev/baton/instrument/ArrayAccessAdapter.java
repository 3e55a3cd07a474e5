package dev.baton.instrument;

import java.util.BitSet;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;

/**
 * Rule for array elements: {@code Hooks.beforeArrayRead/beforeArrayWrite(array, index, site)}
 * before every {@code xaload}/{@code xastore}. A load duplicates {@code [array, index]}; a store
 * first spills the value to a scratch local (one per value kind per method), then duplicates and
 * reloads. JaCoCo's probe stores, which {@link JacocoProbes} recognises, are left alone, and so are
 * the accesses to an array no other thread can see yet: {@code unpublished} numbers them among the
 * method's element accesses in code order ({@link UnpublishedLookahead} finds them).
 */
final class ArrayAccessAdapter extends GeneratorAdapter {
  private static final String HOOK_DESCRIPTOR = "(Ljava/lang/Object;II)V";

  private final MethodSites sites;
  private final TempLocals temps = new TempLocals(this::newLocal);
  /** The element accesses (by number, in code order) to arrays no other thread can see yet. */
  private final BitSet unpublished;
  /** The number of the next element access. */
  private int ordinal;
  /** Set by {@link JacocoProbes} just before it passes on one of JaCoCo's probe stores. */
  private boolean leaveNextStoreAlone;

  ArrayAccessAdapter(
      MethodVisitor next,
      int access,
      String name,
      String descriptor,
      MethodSites sites,
      BitSet unpublished) {
    super(Opcodes.ASM9, next, access, name, descriptor);
    this.sites = sites;
    this.unpublished = unpublished;
  }

  /** The next array store is JaCoCo's probe: pass it on unchanged, no scheduling point. */
  void leaveNextStoreAlone() {
    leaveNextStoreAlone = true;
  }

  @Override
  public void visitInsn(int opcode) {
    boolean probe = leaveNextStoreAlone;
    leaveNextStoreAlone = false;
    boolean unseen = UnpublishedObjects.isElementAccess(opcode) && unpublished.get(ordinal++);
    if (probe || unseen) {
      // JaCoCo's bastore, or an array no other thread can see yet: left as it is.
    } else if (opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD) {
      mv.visitInsn(Opcodes.DUP2);
      sites.push(mv, SiteKind.ARRAY_READ, "");
      HookCalls.invoke(mv, "beforeArrayRead", HOOK_DESCRIPTOR);
    } else if (opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE) {
      int value = temps.get(storedType(opcode), 0);
      storeLocal(value);
      mv.visitInsn(Opcodes.DUP2);
      sites.push(mv, SiteKind.ARRAY_WRITE, "");
      HookCalls.invoke(mv, "beforeArrayWrite", HOOK_DESCRIPTOR);
      loadLocal(value);
    }
    super.visitInsn(opcode);
  }

  private static Type storedType(int opcode) {
    return switch (opcode) {
      case Opcodes.LASTORE -> Type.LONG_TYPE;
      case Opcodes.FASTORE -> Type.FLOAT_TYPE;
      case Opcodes.DASTORE -> Type.DOUBLE_TYPE;
      case Opcodes.AASTORE -> Type.getObjectType(ClassHierarchy.OBJECT);
      default -> Type.INT_TYPE; // iastore, bastore, castore, sastore store an int
    };
  }
}
