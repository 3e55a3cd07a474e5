package dev.baton.instrument;

import dev.baton.instrument.ThisEscapeInterpreter.Kind;
import dev.baton.instrument.ThisEscapeInterpreter.Ref;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Finds, in a constructor, the field accesses on {@code this} that run while no other thread can
 * see the object: on every path from the constructor's entry to the access, {@code this} has not
 * escaped (see {@link ThisEscapeInterpreter} for what escapes, including a super constructor that
 * may leak it). No other thread can read or write a field of an object it has no reference to, so
 * such an access cannot be part of a race, and a scheduling point before it cannot change any
 * outcome.
 *
 * <p>Loops and exception handlers need no special case: an instruction reachable from an escape
 * along any control-flow edge (a back edge to a loop head, an edge into a handler) is not clean,
 * so an escape late in a loop body makes every access of the loop, and after it, a point again.
 */
final class UnpublishedThis {
  private UnpublishedThis() {}

  /**
   * The field instructions of {@code constructor} (numbered in code order, counting {@code
   * getstatic}/{@code putstatic} too) whose receiver is certainly {@code this} and run before it
   * can have escaped. Empty when the method cannot be analysed.
   *
   * @param owner the internal name of the constructor's class
   * @param mayLeak whether a constructor {@code owner.<init>descriptor}, called as the super or
   *     this call, may let {@code this} escape
   */
  static BitSet unpublishedAccesses(
      String owner, MethodNode constructor, BiPredicate<String, String> mayLeak) {
    BitSet result = new BitSet();
    Analysis analysis = Analysis.run(owner, constructor, mayLeak);
    if (analysis == null) return result;
    BitSet escaped = analysis.reachableFromEscapes();
    InsnList code = constructor.instructions;
    int ordinal = 0;
    for (int i = 0; i < code.size(); i++) {
      AbstractInsnNode insn = code.get(i);
      if (!(insn instanceof FieldInsnNode)) continue;
      Frame<Ref> frame = analysis.frames[i];
      if (frame != null && !escaped.get(i) && receiverIsThis(insn.getOpcode(), frame)) {
        result.set(ordinal);
      }
      ordinal++;
    }
    return result;
  }

  /**
   * True when {@code constructor}, run as a super or this call, cannot let {@code this} escape: no
   * reachable instruction of it is an escape (its own super or this call included).
   */
  static boolean cannotLeak(
      String owner, MethodNode constructor, BiPredicate<String, String> mayLeak) {
    Analysis analysis = Analysis.run(owner, constructor, mayLeak);
    return analysis != null && analysis.reachableEscapes().isEmpty();
  }

  private static boolean receiverIsThis(int opcode, Frame<Ref> frame) {
    int top = frame.getStackSize() - 1;
    return switch (opcode) {
      case Opcodes.GETFIELD -> frame.getStack(top).kind() == Kind.THIS;
      case Opcodes.PUTFIELD -> frame.getStack(top - 1).kind() == Kind.THIS;
      default -> false;
    };
  }

  /** One run of the analyzer: the frames, the control-flow edges and the escapes it found. */
  private static final class Analysis {
    final Frame<Ref>[] frames;
    final List<List<Integer>> successors;
    final Set<AbstractInsnNode> escapes;
    final InsnList code;

    private Analysis(Frame<Ref>[] frames, List<List<Integer>> successors,
        Set<AbstractInsnNode> escapes, InsnList code) {
      this.frames = frames;
      this.successors = successors;
      this.escapes = escapes;
      this.code = code;
    }

    static Analysis run(String owner, MethodNode method, BiPredicate<String, String> mayLeak) {
      int size = method.instructions.size();
      List<List<Integer>> successors = new ArrayList<>(size);
      for (int i = 0; i < size; i++) successors.add(new ArrayList<>(2));
      ThisEscapeInterpreter interpreter = new ThisEscapeInterpreter(mayLeak);
      Analyzer<Ref> analyzer = new Analyzer<>(interpreter) {
        @Override
        protected void newControlFlowEdge(int insn, int successor) {
          successors.get(insn).add(successor);
        }

        @Override
        protected boolean newControlFlowExceptionEdge(int insn, int successor) {
          successors.get(insn).add(successor);
          return true;
        }
      };
      try {
        Frame<Ref>[] frames = analyzer.analyze(owner, method);
        return new Analysis(frames, successors, interpreter.escapes(), method.instructions);
      } catch (AnalyzerException | RuntimeException e) {
        // Code the analyzer cannot follow is left as it was: every access stays a point.
        return null;
      }
    }

    /** Indices of the reachable escaping instructions. */
    BitSet reachableEscapes() {
      BitSet found = new BitSet();
      for (AbstractInsnNode insn : escapes) {
        int index = code.indexOf(insn);
        if (frames[index] != null) found.set(index);
      }
      return found;
    }

    /** Indices of the instructions that some path reaches after passing an escape. */
    BitSet reachableFromEscapes() {
      BitSet reached = new BitSet();
      Deque<Integer> work = new ArrayDeque<>();
      BitSet escaping = reachableEscapes();
      for (int i = escaping.nextSetBit(0); i >= 0; i = escaping.nextSetBit(i + 1)) {
        work.addAll(successors.get(i));
      }
      while (!work.isEmpty()) {
        int next = work.pop();
        if (reached.get(next)) continue;
        reached.set(next);
        work.addAll(successors.get(next));
      }
      return reached;
    }
  }
}
