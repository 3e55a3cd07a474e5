package dev.baton.instrument;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

/**
 * Tells, for ASM's {@link org.objectweb.asm.tree.analysis.Analyzer} over one method, which values
 * are objects no other thread can have a reference to yet, and which instructions let such an
 * object escape. Used with {@link EscapeFrame}, which forgets an object in the whole frame once it
 * escaped.
 *
 * <p>An unpublished object is born at a <em>site</em>: the constructor's own {@code this} ({@link
 * #THIS}, when analysing a constructor), or an allocation of the method ({@code new}, {@code
 * newarray}, {@code anewarray}, {@code multianewarray}, and the few JDK calls that always return a
 * new array no one else holds: {@link FreshArrays}). A value is {@code certain} when it is that
 * object on every path, merely possible where paths that disagree merge, and {@link #ANY} where
 * objects of two sites merge.
 *
 * <p>An instruction is an <em>escape</em> of the sites of the values it uses in any way other than:
 * the receiver of {@code getfield}/{@code putfield}, the array of an element load or store, {@code
 * arraylength}; the receiver of a constructor call when {@code mayLeak} says that constructor cannot
 * leak it; an array argument of a JDK method that keeps no reference to it ({@link FreshArrays}); a
 * comparison ({@code ifnull}, {@code if_acmp}, {@code instanceof}); a copy ({@code checkcast},
 * loads, stores, {@code dup}). So any other call with it as receiver or argument, capture by {@code
 * invokedynamic}, a store into a field, a static field or an array, {@code athrow}, a return and
 * {@code monitorenter} all escape. Escapes of {@link #THIS} are recorded by instruction, for {@link
 * UnpublishedThis#cannotLeak}.
 */
final class EscapeInterpreter extends Interpreter<EscapeInterpreter.Ref> implements Opcodes {

  /** The site of a constructor's own {@code this}. */
  static final Object THIS = "this";
  /** The site of a value that may be the object of more than one site. */
  static final Object ANY = "any";

  /**
   * A value of the analysis: its size in slots, where the object was born ({@code null}: nowhere
   * known, or already escaped) and whether it is certainly that object.
   */
  record Ref(int size, Object site, boolean certain) implements Value {
    static final Ref ONE = new Ref(1, null, false);
    static final Ref TWO = new Ref(2, null, false);

    @Override
    public int getSize() {
      return size;
    }

    boolean unpublished() {
      return site != null;
    }

    /** Certainly the one live object of an allocation site (or {@code this}) that has not escaped. */
    boolean certainlyUnpublished() {
      return site != null && certain;
    }

    /** The same slot, no longer known to hold an unpublished object. */
    Ref published() {
      return size == 2 ? TWO : ONE;
    }

    static Ref of(Type type) {
      return type != null && type.getSize() == 2 ? TWO : ONE;
    }
  }

  private final BiPredicate<String, String> mayLeak;
  private final boolean trackThis;
  private final boolean trackAllocations;
  private final Set<AbstractInsnNode> thisEscapes = new HashSet<>();
  /** The sites the instruction being executed lets escape; taken by {@link EscapeFrame}. */
  private final Set<Object> escaping = new HashSet<>();

  /**
   * @param mayLeak whether the constructor {@code owner.<init>descriptor}, called on an unpublished
   *     object, may let it escape
   * @param trackThis whether local 0 of an instance method is an unpublished {@code this} (true for
   *     constructors only)
   * @param trackAllocations whether the method's own allocations are unpublished objects
   */
  EscapeInterpreter(
      BiPredicate<String, String> mayLeak, boolean trackThis, boolean trackAllocations) {
    super(ASM9);
    this.mayLeak = mayLeak;
    this.trackThis = trackThis;
    this.trackAllocations = trackAllocations;
  }

  /** The instructions found to let the constructor's {@code this} escape. */
  Set<AbstractInsnNode> thisEscapes() {
    return thisEscapes;
  }

  /** The sites the last executed instruction let escape ({@link #ANY}: every site); cleared. */
  Set<Object> takeEscaping() {
    if (escaping.isEmpty()) return Set.of();
    Set<Object> taken = Set.copyOf(escaping);
    escaping.clear();
    return taken;
  }

  /** True when {@code insn} is an allocation whose object this analysis follows. */
  boolean allocates(AbstractInsnNode insn) {
    return trackAllocations && (switch (insn.getOpcode()) {
      case NEW, NEWARRAY, ANEWARRAY, MULTIANEWARRAY -> true;
      default -> insn instanceof MethodInsnNode call && FreshArrays.returnsNewArray(call);
    });
  }

  private void escape(AbstractInsnNode insn, Ref value) {
    if (!value.unpublished()) return;
    escaping.add(value.site());
    if (value.site() == THIS || value.site() == ANY) thisEscapes.add(insn);
  }

  @Override
  public Ref newValue(Type type) {
    return type == Type.VOID_TYPE ? null : Ref.of(type);
  }

  @Override
  public Ref newParameterValue(boolean isInstanceMethod, int local, Type type) {
    return trackThis && isInstanceMethod && local == 0 ? new Ref(1, THIS, true) : newValue(type);
  }

  @Override
  public Ref newExceptionValue(
      TryCatchBlockNode tryCatch, Frame<Ref> handlerFrame, Type exceptionType) {
    // The handler's frame is the one before the throwing instruction, which may have let an
    // object escape before it threw: in a handler, no object is certainly unpublished, so its
    // accesses stay points. Each stays followed, so that an escape in the handler still counts
    // (a constructor that publishes this in a catch block leaks).
    for (int i = 0; i < handlerFrame.getLocals(); i++) {
      Ref local = handlerFrame.getLocal(i);
      if (local != null && local.certainlyUnpublished()) {
        handlerFrame.setLocal(i, new Ref(local.size(), local.site(), false));
      }
    }
    return Ref.ONE;
  }

  @Override
  public Ref newOperation(AbstractInsnNode insn) {
    return switch (insn.getOpcode()) {
      case LCONST_0, LCONST_1, DCONST_0, DCONST_1 -> Ref.TWO;
      case LDC -> {
        Object constant = ((LdcInsnNode) insn).cst;
        boolean wide = constant instanceof Long || constant instanceof Double
            || (constant instanceof ConstantDynamic c
                && Type.getType(c.getDescriptor()).getSize() == 2);
        yield wide ? Ref.TWO : Ref.ONE;
      }
      case GETSTATIC -> Ref.of(Type.getType(((FieldInsnNode) insn).desc));
      case NEW -> allocated(insn);
      default -> Ref.ONE;
    };
  }

  private Ref allocated(AbstractInsnNode insn) {
    return allocates(insn) ? new Ref(1, insn, true) : Ref.ONE;
  }

  @Override
  public Ref copyOperation(AbstractInsnNode insn, Ref value) {
    return value; // loads, stores, dup and swap move the same reference
  }

  @Override
  public Ref unaryOperation(AbstractInsnNode insn, Ref value) {
    int opcode = insn.getOpcode();
    switch (opcode) {
      case GETFIELD -> { // the receiver only: reading from an object publishes nothing
        return Ref.of(Type.getType(((FieldInsnNode) insn).desc));
      }
      case CHECKCAST -> {
        return value;
      }
      case IFNULL, IFNONNULL, INSTANCEOF, ARRAYLENGTH -> {
        return Ref.ONE;
      }
      case NEWARRAY, ANEWARRAY -> { // the operand is the length
        return allocated(insn);
      }
      default -> {
        escape(insn, value); // putstatic, athrow, monitorenter, monitorexit, ...
        return switch (opcode) {
          case LNEG, DNEG, I2L, I2D, L2D, F2L, F2D, D2L -> Ref.TWO;
          default -> Ref.ONE;
        };
      }
    }
  }

  @Override
  public Ref binaryOperation(AbstractInsnNode insn, Ref value1, Ref value2) {
    int opcode = insn.getOpcode();
    if (opcode == PUTFIELD) {
      escape(insn, value2); // stored into a field of value1, which stays where it was
    } else if (opcode >= IALOAD && opcode <= SALOAD) {
      // an element load: the array is read, the index is an int
    } else if (opcode != IF_ACMPEQ && opcode != IF_ACMPNE) {
      escape(insn, value1);
      escape(insn, value2);
    }
    return switch (opcode) {
      case LALOAD, DALOAD, LADD, DADD, LSUB, DSUB, LMUL, DMUL, LDIV, DDIV, LREM, DREM, LSHL, LSHR,
          LUSHR, LAND, LOR, LXOR -> Ref.TWO;
      default -> Ref.ONE;
    };
  }

  @Override
  public Ref ternaryOperation(AbstractInsnNode insn, Ref array, Ref index, Ref value) {
    escape(insn, value); // an element store: the stored value is now in the heap
    return null;
  }

  @Override
  public Ref naryOperation(AbstractInsnNode insn, List<? extends Ref> values) {
    if (insn.getOpcode() == MULTIANEWARRAY) return allocated(insn); // its operands are ints
    if (insn instanceof InvokeDynamicInsnNode indy) {
      for (Ref value : values) escape(insn, value); // captured
      return newValue(Type.getReturnType(indy.desc));
    }
    MethodInsnNode call = (MethodInsnNode) insn;
    for (int i = 0; i < values.size(); i++) {
      Ref value = values.get(i);
      if (!value.unpublished()) continue;
      if (i == 0 && isConstructorCall(call)) {
        if (mayLeak.test(call.owner, call.desc)) escape(insn, value);
      } else if (FreshArrays.mayKeep(call, i)) {
        escape(insn, value);
      }
    }
    if (allocates(call)) return allocated(call);
    return newValue(Type.getReturnType(call.desc));
  }

  private static boolean isConstructorCall(MethodInsnNode call) {
    return call.getOpcode() == INVOKESPECIAL && call.name.equals("<init>");
  }

  @Override
  public void returnOperation(AbstractInsnNode insn, Ref value, Ref expected) {
    escape(insn, value);
  }

  @Override
  public Ref merge(Ref value1, Ref value2) {
    if (value1.equals(value2)) return value1;
    int size = value1.size() == value2.size() ? value1.size() : 1;
    if (!value1.unpublished() && !value2.unpublished()) return size == 2 ? Ref.TWO : Ref.ONE;
    Object site;
    if (!value1.unpublished()) {
      site = value2.site();
    } else if (!value2.unpublished()) {
      site = value1.site();
    } else {
      site = value1.site() == value2.site() ? value1.site() : ANY;
    }
    return new Ref(size, site, false);
  }
}
