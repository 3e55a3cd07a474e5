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
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

/**
 * Tells, for ASM's {@link org.objectweb.asm.tree.analysis.Analyzer} over a constructor, which
 * values are {@code this} and which instructions let {@code this} escape.
 *
 * <p>A value is {@link Kind#THIS} when it is certainly the receiver (local 0 on entry, and its
 * copies through locals, the stack, and {@code checkcast}), {@link Kind#MAYBE_THIS} where paths
 * that disagree merge. An instruction is an <em>escape</em> when it uses a this-ish value in any way
 * other than: the receiver of {@code getfield}/{@code putfield}; the receiver of the constructor's
 * own {@code super(...)}/{@code this(...)} call when {@code mayLeak} says that constructor cannot
 * leak it; a comparison ({@code ifnull}, {@code if_acmp}, {@code instanceof}); a copy. So a call of
 * an instance method on {@code this}, {@code this} passed to any method or constructor, captured by
 * {@code invokedynamic}, stored into a field, a static field or an array, thrown, returned, or
 * locked ({@code monitorenter}) all escape. The analyzer may visit an instruction more than once
 * with growing values; an instruction that escaped once stays recorded, which can only over-report.
 */
final class ThisEscapeInterpreter extends Interpreter<ThisEscapeInterpreter.Ref>
    implements Opcodes {

  /** What a value is known to be. */
  enum Kind {
    THIS,
    MAYBE_THIS,
    OTHER
  }

  /** A value of the analysis: its size in slots and whether it is {@code this}. */
  record Ref(int size, Kind kind) implements Value {
    static final Ref THIS = new Ref(1, Kind.THIS);
    static final Ref ONE = new Ref(1, Kind.OTHER);
    static final Ref TWO = new Ref(2, Kind.OTHER);

    @Override
    public int getSize() {
      return size;
    }

    boolean thisish() {
      return kind != Kind.OTHER;
    }

    static Ref of(Type type) {
      return type != null && type.getSize() == 2 ? TWO : ONE;
    }
  }

  private final BiPredicate<String, String> mayLeak;
  private final Set<AbstractInsnNode> escapes = new HashSet<>();

  /**
   * @param mayLeak whether the constructor {@code owner.<init>descriptor} called on {@code this}
   *     (the super or this call) may let {@code this} escape
   */
  ThisEscapeInterpreter(BiPredicate<String, String> mayLeak) {
    super(ASM9);
    this.mayLeak = mayLeak;
  }

  /** The instructions found to let {@code this} escape. */
  Set<AbstractInsnNode> escapes() {
    return escapes;
  }

  @Override
  public Ref newValue(Type type) {
    return type == Type.VOID_TYPE ? null : Ref.of(type);
  }

  @Override
  public Ref newParameterValue(boolean isInstanceMethod, int local, Type type) {
    return isInstanceMethod && local == 0 ? Ref.THIS : newValue(type);
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
      default -> Ref.ONE;
    };
  }

  @Override
  public Ref copyOperation(AbstractInsnNode insn, Ref value) {
    return value; // loads, stores, dup and swap move the same reference
  }

  @Override
  public Ref unaryOperation(AbstractInsnNode insn, Ref value) {
    int opcode = insn.getOpcode();
    switch (opcode) {
      case GETFIELD -> { // the receiver only: reading from this publishes nothing
        return Ref.of(Type.getType(((FieldInsnNode) insn).desc));
      }
      case CHECKCAST -> {
        return value;
      }
      case IFNULL, IFNONNULL, INSTANCEOF -> {
        return Ref.ONE;
      }
      default -> {
        if (value.thisish()) escapes.add(insn); // putstatic, athrow, monitorenter, ...
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
      if (value2.thisish()) escapes.add(insn); // this stored into a field
    } else if (opcode != IF_ACMPEQ && opcode != IF_ACMPNE
        && (value1.thisish() || value2.thisish())) {
      escapes.add(insn);
    }
    return switch (opcode) {
      case LALOAD, DALOAD, LADD, DADD, LSUB, DSUB, LMUL, DMUL, LDIV, DDIV, LREM, DREM, LSHL, LSHR,
          LUSHR, LAND, LOR, LXOR -> Ref.TWO;
      default -> Ref.ONE;
    };
  }

  @Override
  public Ref ternaryOperation(AbstractInsnNode insn, Ref value1, Ref value2, Ref value3) {
    if (value1.thisish() || value2.thisish() || value3.thisish()) escapes.add(insn);
    return null;
  }

  @Override
  public Ref naryOperation(AbstractInsnNode insn, List<? extends Ref> values) {
    int first = 0;
    String descriptor;
    if (insn instanceof MethodInsnNode call) {
      descriptor = call.desc;
      if (isConstructorCallOnThis(call, values)) {
        first = 1; // the receiver of super(...)/this(...): it escapes only if that constructor can
        if (mayLeak.test(call.owner, call.desc)) escapes.add(insn);
      }
    } else if (insn instanceof InvokeDynamicInsnNode indy) {
      descriptor = indy.desc;
    } else {
      return Ref.ONE; // multianewarray: its operands are ints
    }
    for (int i = first; i < values.size(); i++) {
      if (values.get(i).thisish()) escapes.add(insn);
    }
    return newValue(Type.getReturnType(descriptor));
  }

  private static boolean isConstructorCallOnThis(MethodInsnNode call, List<? extends Ref> values) {
    return call.getOpcode() == INVOKESPECIAL && call.name.equals("<init>")
        && values.get(0).kind() == Kind.THIS;
  }

  @Override
  public void returnOperation(AbstractInsnNode insn, Ref value, Ref expected) {
    if (value.thisish()) escapes.add(insn);
  }

  @Override
  public Ref merge(Ref value1, Ref value2) {
    if (value1.equals(value2)) return value1;
    int size = value1.size() == value2.size() ? value1.size() : 1;
    boolean thisish = value1.thisish() || value2.thisish();
    return new Ref(size, thisish ? Kind.MAYBE_THIS : Kind.OTHER);
  }
}
