package dev.baton.instrument;

import java.util.BitSet;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.AdviceAdapter;

/**
 * Rule for non-final field accesses: {@code Hooks.beforeRead/beforeWrite(owner, site)} before each
 * {@code getfield}, {@code putfield}, {@code getstatic}, {@code putstatic} ({@code owner} is null
 * for static fields).
 *
 * <p>Final fields are skipped (resolved through {@link ClassHierarchy}, as the JVM resolves them).
 * In a constructor, instance field accesses before the {@code super(...)}/{@code this(...)} call are
 * skipped: the receiver is still uninitialised and may not be passed to a method (javac writes
 * {@code this$0} there, and Java 25 allows user code to); {@link AdviceAdapter} reports when that
 * call has happened. Static fields there are instrumented as anywhere else.
 *
 * <p>Accesses to fields of an object no other thread can see yet (a constructor's own {@code this},
 * an object the method allocated, each before it can have escaped) are skipped too: {@code
 * unpublished} numbers them among the method's field instructions in code order ({@link
 * UnpublishedLookahead} finds them).
 *
 * <p>Reads of the class's own effectively immutable fields are skipped ({@link ImmutableFields}).
 */
final class FieldAccessAdapter extends AdviceAdapter {
  private static final String HOOK_DESCRIPTOR = "(Ljava/lang/Object;I)V";

  private final MethodSites sites;
  private final ClassHierarchy hierarchy;
  /** The field instructions (by number, in code order) on objects no other thread can see yet. */
  private final BitSet unpublished;
  /** The fields of the class being transformed whose reads need no point. */
  private final ImmutableFields immutable;
  /** True once {@code this} is initialised: from the start, or after the constructor's super call. */
  private boolean receiverReady;
  /** The number of the next field instruction. */
  private int ordinal;

  FieldAccessAdapter(
      MethodVisitor next,
      int access,
      String name,
      String descriptor,
      MethodSites sites,
      ClassHierarchy hierarchy,
      BitSet unpublished,
      ImmutableFields immutable) {
    super(Opcodes.ASM9, next, access, name, descriptor);
    this.sites = sites;
    this.hierarchy = hierarchy;
    this.unpublished = unpublished;
    this.immutable = immutable;
  }

  @Override
  protected void onMethodEnter() {
    receiverReady = true;
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    boolean unseen = unpublished.get(ordinal++);
    if (!isFinal(owner, name, descriptor) && !unseen
        && !immutable.isImmutableRead(opcode, owner, name, descriptor)) {
      String detail = MethodSites.simpleName(owner) + "." + name;
      // Emitted straight into mv: the sequences are stack-neutral, so AdviceAdapter's own stack
      // tracking (which finds the super call) need not see them.
      switch (opcode) {
        case GETSTATIC, PUTSTATIC -> {
          mv.visitInsn(ACONST_NULL);
          hook(opcode == GETSTATIC, detail);
        }
        case GETFIELD -> {
          if (receiverReady) {
            mv.visitInsn(DUP);
            hook(true, detail);
          }
        }
        case PUTFIELD -> {
          if (receiverReady) {
            if (descriptor.equals("J") || descriptor.equals("D")) {
              // [obj, v1v2] -> [v1v2, obj, v1v2] -> [v1v2, obj] -> [obj, v1v2, obj]
              mv.visitInsn(DUP2_X1);
              mv.visitInsn(POP2);
              mv.visitInsn(DUP_X2);
            } else {
              // [obj, v] -> [v, obj] -> [obj, v, obj]
              mv.visitInsn(SWAP);
              mv.visitInsn(DUP_X1);
            }
            hook(false, detail);
          }
        }
        default -> throw new IllegalArgumentException("not a field instruction: " + opcode);
      }
    }
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  private void hook(boolean read, String detail) {
    sites.push(mv, read ? SiteKind.READ : SiteKind.WRITE, detail);
    HookCalls.invoke(mv, read ? "beforeRead" : "beforeWrite", HOOK_DESCRIPTOR);
  }

  private boolean isFinal(String owner, String name, String descriptor) {
    int access = hierarchy.fieldAccess(owner, name, descriptor);
    return access != -1 && (access & ACC_FINAL) != 0;
  }
}
