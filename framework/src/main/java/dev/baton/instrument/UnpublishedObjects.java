package dev.baton.instrument;

import dev.baton.instrument.EscapeInterpreter.Ref;
import java.util.BitSet;
import java.util.function.BiPredicate;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Finds, in one method, the field and array-element accesses on objects no other thread can have a
 * reference to yet: a constructor's own {@code this} before it can have escaped, and objects and
 * arrays the method allocated itself, before they can have escaped (see {@link EscapeInterpreter}
 * for what escapes). No other thread can read or write a field or an element of an object it has no
 * reference to, so such an access cannot be part of a race, and a scheduling point before it cannot
 * change any outcome.
 *
 * <p>Loops and exception handlers need no special case: {@link EscapeFrame} forgets an object in
 * the whole frame where it escapes, a merge of paths that disagree is never certain, and in a
 * handler no object is certain (the throwing instruction may have published it), while its
 * escapes there still count.
 */
final class UnpublishedObjects {
  private UnpublishedObjects() {}

  /**
   * The accesses of one method that need no scheduling point, each numbered in code order among
   * the method's instructions of its kind.
   *
   * @param fields field instructions (counting {@code getstatic}/{@code putstatic} too)
   * @param elements array element loads and stores
   */
  record Accesses(BitSet fields, BitSet elements) {
    static Accesses none() {
      return new Accesses(new BitSet(), new BitSet());
    }
  }

  /**
   * The accesses of {@code method} on unpublished objects; none when the method cannot be analysed.
   *
   * @param owner the internal name of the method's class
   * @param mayLeak whether a constructor {@code owner.<init>descriptor}, called on an unpublished
   *     object (a super or this call, or the constructor of a {@code new} object), may let it escape
   * @param trackThis whether a constructor's own {@code this} is followed
   * @param trackAllocations whether the method's own allocations are followed
   */
  static Accesses find(String owner, MethodNode method, BiPredicate<String, String> mayLeak,
      boolean trackThis, boolean trackAllocations) {
    boolean constructor = method.name.equals("<init>");
    EscapeInterpreter interpreter =
        new EscapeInterpreter(mayLeak, trackThis && constructor, trackAllocations);
    Frame<Ref>[] frames = analyze(owner, method, interpreter);
    Accesses found = Accesses.none();
    if (frames == null) return found;
    InsnList code = method.instructions;
    int field = 0;
    int element = 0;
    for (int i = 0; i < code.size(); i++) {
      AbstractInsnNode insn = code.get(i);
      int opcode = insn.getOpcode();
      Frame<Ref> frame = frames[i];
      if (insn instanceof FieldInsnNode) {
        if (frame != null && receiverUnpublished(opcode, frame)) found.fields().set(field);
        field++;
      } else if (isElementAccess(opcode)) {
        if (frame != null && arrayUnpublished(opcode, frame)) found.elements().set(element);
        element++;
      }
    }
    return found;
  }

  /**
   * True when {@code constructor}, run as a super or this call (or on a {@code new} object), cannot
   * let {@code this} escape: no reachable instruction of it is an escape of {@code this}.
   */
  static boolean cannotLeak(
      String owner, MethodNode constructor, BiPredicate<String, String> mayLeak) {
    EscapeInterpreter interpreter = new EscapeInterpreter(mayLeak, true, false);
    return analyze(owner, constructor, interpreter) != null
        && interpreter.thisEscapes().isEmpty();
  }

  /**
   * True when the method allocates anything the analysis could follow and has an instance field or
   * element access that could be to it: otherwise there is nothing to find.
   */
  static boolean allocatesAndAccesses(MethodNode method) {
    boolean allocates = false;
    boolean accesses = false;
    for (AbstractInsnNode insn : method.instructions) {
      int opcode = insn.getOpcode();
      switch (opcode) {
        case Opcodes.NEW, Opcodes.NEWARRAY, Opcodes.ANEWARRAY, Opcodes.MULTIANEWARRAY ->
            allocates = true;
        case Opcodes.GETFIELD, Opcodes.PUTFIELD -> accesses = true;
        default -> {
          if (isElementAccess(opcode)) {
            accesses = true;
          } else if (insn instanceof MethodInsnNode call && FreshArrays.returnsNewArray(call)) {
            allocates = true;
          }
        }
      }
      if (allocates && accesses) return true;
    }
    return false;
  }

  static boolean isElementAccess(int opcode) {
    return (opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD)
        || (opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE);
  }

  private static Frame<Ref>[] analyze(
      String owner, MethodNode method, EscapeInterpreter interpreter) {
    Analyzer<Ref> analyzer = new Analyzer<>(interpreter) {
      @Override
      protected Frame<Ref> newFrame(int numLocals, int numStack) {
        return new EscapeFrame(numLocals, numStack);
      }

      @Override
      protected Frame<Ref> newFrame(Frame<? extends Ref> frame) {
        return new EscapeFrame(frame);
      }
    };
    try {
      return analyzer.analyze(owner, method);
    } catch (AnalyzerException | RuntimeException e) {
      // Code the analyzer cannot follow is left as it was: every access stays a point.
      return null;
    }
  }

  private static boolean receiverUnpublished(int opcode, Frame<Ref> frame) {
    int top = frame.getStackSize() - 1;
    return switch (opcode) {
      case Opcodes.GETFIELD -> frame.getStack(top).certainlyUnpublished();
      case Opcodes.PUTFIELD -> frame.getStack(top - 1).certainlyUnpublished();
      default -> false;
    };
  }

  /** The array sits under the index for a load, under index and value for a store. */
  private static boolean arrayUnpublished(int opcode, Frame<Ref> frame) {
    boolean load = opcode <= Opcodes.SALOAD;
    int array = frame.getStackSize() - (load ? 2 : 3);
    return frame.getStack(array).certainlyUnpublished();
  }
}
