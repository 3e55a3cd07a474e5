package dev.baton.instrument;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * How many monitors a method holds at each of its {@code monitorenter} and {@code monitorexit}
 * instructions, when its locking is structured the way javac (and every other compiler) writes
 * it: every path reaches an instruction holding the same monitors, entered by the same
 * instructions; each {@code monitorexit} releases the monitor entered last, named by the same
 * local variable (not stored to meanwhile) or class constant as its {@code monitorenter}; no return
 * leaves one held; and an instruction that may throw while a monitor is held is covered by a
 * catch-all handler.
 *
 * <p>That is what HotSpot's JIT compilers demand of a method before they compile it (its {@code
 * GenerateOopMap}). {@link MonitorAdapter} uses the nesting to keep the method compilable after
 * the rewrite; a method whose locking is not structured (hand-written bytecode) gets no nesting
 * and the plain rewrite.
 */
final class MonitorNesting {
  private MonitorNesting() {}

  /**
   * Per {@code monitorenter} and {@code monitorexit} of {@code method}, the number of monitors held
   * just before it, and per handler the number held where it begins (absent when no path reaches
   * it); null when the method's locking is not structured as above.
   *
   * @param operandsMove whether the operand of each {@code monitorexit} (the load that names its
   *     monitor) will be moved after it: a class constant's {@code ldc} may throw, so in place it
   *     would need a catch-all around it
   */
  static Map<AbstractInsnNode, Integer> of(MethodNode method, boolean operandsMove) {
    InsnList insns = method.instructions;
    AbstractInsnNode[] code = insns.toArray();
    Handlers handlers = Handlers.of(method, insns, code.length);
    int[][] held = new int[code.length][]; // per instruction, the enters of the monitors held
    Deque<Integer> work = new ArrayDeque<>();
    Map<AbstractInsnNode, Integer> depths = new IdentityHashMap<>();
    if (code.length == 0) return depths;
    held[0] = new int[0];
    work.push(0);
    while (!work.isEmpty()) {
      int i = work.pop();
      int[] before = held[i];
      AbstractInsnNode insn = code[i];
      int opcode = insn.getOpcode();
      if (canThrow(opcode, before.length)) {
        for (int handler : handlers.of(i)) {
          if (!flow(held, work, handler, before)) return null;
        }
        // An exception that no catch-all catches leaves the method holding its monitors.
        boolean moved = operandsMove && nextReal(code, i) != null
            && nextReal(code, i).getOpcode() == Opcodes.MONITOREXIT;
        if (before.length > 0 && !handlers.caughtAll(i) && !moved) return null;
      }
      if (storesAKey(insn, before, insns, code)) return null;
      int[] after = before;
      switch (opcode) {
        case Opcodes.MONITORENTER -> {
          if (keyOf(insns, code, i) == null) return null;
          after = Arrays.copyOf(before, before.length + 1);
          after[before.length] = i;
          depths.put(insn, before.length);
        }
        case Opcodes.MONITOREXIT -> {
          if (before.length == 0) return null;
          Object entered = keyOf(insns, code, before[before.length - 1]);
          if (!entered.equals(keyOf(insns, code, i))) return null;
          after = Arrays.copyOf(before, before.length - 1);
          depths.put(insn, before.length);
        }
        case Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN, Opcodes.DRETURN, Opcodes.ARETURN,
            Opcodes.RETURN -> {
          if (before.length > 0) return null;
          continue;
        }
        case Opcodes.ATHROW -> {
          continue;
        }
        case Opcodes.JSR, Opcodes.RET -> {
          return null; // subroutines (class files before Java 6): not worth following
        }
        default -> { }
      }
      if (insn instanceof JumpInsnNode jump) {
        if (!flow(held, work, insns.indexOf(jump.label), after)) return null;
        if (opcode == Opcodes.GOTO) continue;
      } else if (insn instanceof TableSwitchInsnNode table) {
        if (!flowAll(held, work, insns, table.dflt, table.labels, after)) return null;
        continue;
      } else if (insn instanceof LookupSwitchInsnNode lookup) {
        if (!flowAll(held, work, insns, lookup.dflt, lookup.labels, after)) return null;
        continue;
      }
      if (i + 1 < code.length && !flow(held, work, i + 1, after)) return null;
    }
    if (method.tryCatchBlocks != null) {
      for (TryCatchBlockNode block : method.tryCatchBlocks) {
        int[] atHandler = held[insns.indexOf(block.handler)];
        if (atHandler != null) depths.put(block.handler, atHandler.length);
      }
    }
    return depths;
  }

  /**
   * Whether an instruction may throw, holding {@code held} monitors, and so reach the handlers
   * whose range covers it. As for HotSpot's own analysis, a return holding nothing and a
   * {@code monitorexit} of a monitor held do not throw; nor do loads, stores, constants other than
   * {@code ldc}, and stack shuffles. Any other instruction is taken to throw.
   */
  private static boolean canThrow(int opcode, int held) {
    if (opcode < 0) return false; // a label, line number or frame
    if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) return held > 0;
    if (opcode == Opcodes.MONITOREXIT) return held == 0;
    return !(opcode >= Opcodes.ACONST_NULL && opcode <= Opcodes.SIPUSH
        || opcode >= Opcodes.ILOAD && opcode <= Opcodes.ALOAD
        || opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE
        || opcode >= Opcodes.POP && opcode <= Opcodes.SWAP
        || opcode == Opcodes.IINC || opcode == Opcodes.GOTO || opcode == Opcodes.NOP);
  }

  /** Whether {@code insn} writes the local that names a monitor held: its exit would name another. */
  private static boolean storesAKey(
      AbstractInsnNode insn, int[] held, InsnList insns, AbstractInsnNode[] code) {
    int slot;
    int size = 1;
    if (insn instanceof VarInsnNode var && var.getOpcode() >= Opcodes.ISTORE
        && var.getOpcode() <= Opcodes.ASTORE) {
      slot = var.var;
      if (var.getOpcode() == Opcodes.LSTORE || var.getOpcode() == Opcodes.DSTORE) size = 2;
    } else if (insn instanceof IincInsnNode inc) {
      slot = inc.var;
    } else {
      return false;
    }
    for (int enter : held) {
      if (keyOf(insns, code, enter) instanceof Integer local && local >= slot
          && local < slot + size) {
        return true;
      }
    }
    return false;
  }

  private static boolean flowAll(int[][] held, Deque<Integer> work, InsnList insns,
      LabelNode dflt, List<LabelNode> labels, int[] state) {
    if (!flow(held, work, insns.indexOf(dflt), state)) return false;
    for (LabelNode label : labels) {
      if (!flow(held, work, insns.indexOf(label), state)) return false;
    }
    return true;
  }

  /** Reaches {@code target} holding {@code state}: false when it was reached holding others. */
  private static boolean flow(int[][] held, Deque<Integer> work, int target, int[] state) {
    if (held[target] == null) {
      held[target] = state;
      work.push(target);
      return true;
    }
    return Arrays.equals(held[target], state);
  }

  /**
   * What names the object a monitor instruction locks or unlocks: the local variable it was stored
   * in ({@code dup; astore n; monitorenter}) or loaded from ({@code aload n}), or the class constant
   * ({@code ldc C}) of a static synchronized method; null for anything else.
   */
  static Object keyOf(InsnList insns, AbstractInsnNode[] code, int at) {
    AbstractInsnNode previous = previousReal(code, at);
    if (previous instanceof VarInsnNode var) {
      if (var.getOpcode() == Opcodes.ALOAD) return var.var;
      if (var.getOpcode() == Opcodes.ASTORE && code[at].getOpcode() == Opcodes.MONITORENTER) {
        AbstractInsnNode dup = previousReal(code, insns.indexOf(var));
        return dup != null && dup.getOpcode() == Opcodes.DUP ? var.var : null;
      }
      return null;
    }
    if (previous instanceof LdcInsnNode ldc && ldc.cst instanceof Type type) {
      return type.getDescriptor();
    }
    return null;
  }

  /**
   * The instruction before {@code at}, past line numbers and frames; null at a label (a jump may
   * land between the two) or at the start.
   */
  static AbstractInsnNode previousReal(AbstractInsnNode[] code, int at) {
    for (int i = at - 1; i >= 0; i--) {
      if (code[i] instanceof LabelNode) return null;
      if (code[i].getOpcode() >= 0) return code[i];
    }
    return null;
  }

  /** The instruction after {@code at}, past line numbers and frames; null at a label or the end. */
  private static AbstractInsnNode nextReal(AbstractInsnNode[] code, int at) {
    for (int i = at + 1; i < code.length; i++) {
      if (code[i] instanceof LabelNode) return null;
      if (code[i].getOpcode() >= 0) return code[i];
    }
    return null;
  }

  /** The exception handlers each instruction may reach. */
  private record Handlers(List<List<Integer>> byInstruction, boolean[] caughtAll) {

    /**
     * Per instruction index, the handlers an exception there may reach: those whose range covers
     * it, in the order of the exception table, up to the first catch-all (the JVM takes the first
     * entry that matches, and a catch-all matches every exception).
     */
    static Handlers of(MethodNode method, InsnList insns, int length) {
      List<List<Integer>> result = new ArrayList<>(length);
      boolean[] caughtAll = new boolean[length];
      for (int i = 0; i < length; i++) result.add(List.of());
      if (method.tryCatchBlocks != null) {
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
          int handler = insns.indexOf(block.handler);
          for (int i = insns.indexOf(block.start); i < insns.indexOf(block.end); i++) {
            if (caughtAll[i]) continue;
            if (result.get(i).isEmpty()) result.set(i, new ArrayList<>());
            result.get(i).add(handler);
            caughtAll[i] = block.type == null;
          }
        }
      }
      return new Handlers(result, caughtAll);
    }

    List<Integer> of(int instruction) {
      return byInstruction.get(instruction);
    }

    boolean caughtAll(int instruction) {
      return caughtAll[instruction];
    }
  }
}
