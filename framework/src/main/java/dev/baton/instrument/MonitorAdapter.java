package dev.baton.instrument;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rule for {@code monitorenter}/{@code monitorexit}: the scheduler's model decides who holds a
 * monitor, and a managed thread never takes the real one (it could be preempted holding it, and
 * block the thread that runs next inside the JVM, where Baton cannot see).
 *
 * <p>A method whose locking is structured ({@link MonitorNesting}) keeps a real {@code
 * monitorenter} and {@code monitorexit} at every place it had one, so that the JIT still compiles
 * it (HotSpot compiles no method whose monitors it cannot match; a user's {@code synchronized}
 * block would otherwise run interpreted for ever, and each short-lived thread that runs it would
 * pay for that). What they lock is a token: the monitor itself for a thread Baton does not
 * manage, and for a managed thread an object of its own that no other thread ever locks, taken
 * after the model took the monitor. The token of a monitor entered at depth {@code d} lives in the
 * {@code d}-th of the locals added after the method's own, where its {@code monitorexit} finds it:
 *
 * <pre>
 * enter: [obj] push site; invokestatic Hooks.monitorToken(Object,int)Object; dup; astore T[d]; monitorenter
 * exit:  aload T[d]; monitorexit; [obj]; aload T[d]; push site; invokestatic Hooks.monitorRelease(Object,Object,int)V
 *        (the load of obj moved after the monitorexit; the release outside the range of every
 *        handler that begins holding other monitors than it runs with)
 * </pre>
 *
 * <p>A method whose locking is not structured, and every method on a JVM where a virtual thread
 * holding a monitor pins its carrier ({@link TokenLocking}), gets a conditional rewrite, which the
 * JIT will not compile: the real instruction runs only when the model did not take (or release)
 * the monitor.
 *
 * <pre>
 * [obj] dup; push site; invokestatic Hooks.monitorEnter(Object,int)Z; ifeq REAL; pop; goto DONE
 * REAL: monitorenter
 * DONE:
 * </pre>
 *
 * <p>The conditional exit hook must not throw: javac's handler for a {@code synchronized} block
 * covers its own {@code monitorexit}, so an exception there is caught by the same handler again
 * and the thread spins for ever. The release of the token rewrite runs outside that handler, and
 * must not throw either (it would leave the model holding the monitor).
 *
 * <p>The method is buffered whole (the nesting needs every path) and replayed into {@code next};
 * sites are registered as the instructions stream in, so that they get their source lines.
 */
final class MonitorAdapter extends MethodNode {
  private final MethodVisitor next;
  private final MethodSites sites;
  /** Per monitor instruction, its site. */
  private final Map<AbstractInsnNode, Integer> siteOf = new IdentityHashMap<>();
  /** {@code monitorenter}s that stay real for every thread (see {@link #keepNextEnterReal}). */
  private final Set<AbstractInsnNode> real = Collections.newSetFromMap(new IdentityHashMap<>());
  private boolean nextEnterReal;

  MonitorAdapter(int access, String name, String descriptor, String signature,
      String[] exceptions, MethodVisitor next, MethodSites sites) {
    super(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
    this.next = next;
    this.sites = sites;
  }

  /**
   * The next {@code monitorenter} takes the real monitor in every thread, outside the model (a JDK
   * lock on JDK-wide state); its {@code monitorexit}s still ask the model, which releases only what
   * it took.
   */
  void keepNextEnterReal() {
    nextEnterReal = true;
  }

  @Override
  public void visitInsn(int opcode) {
    super.visitInsn(opcode);
    if (opcode == Opcodes.MONITORENTER && nextEnterReal) {
      nextEnterReal = false;
      real.add(instructions.getLast());
    } else if (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT) {
      SiteKind kind = opcode == Opcodes.MONITORENTER ? SiteKind.MONITOR_ENTER : SiteKind.MONITOR_EXIT;
      siteOf.put(instructions.getLast(), sites.register(kind, ""));
    }
  }

  @Override
  public void visitEnd() {
    MethodNode result = this;
    if (!siteOf.isEmpty() || !real.isEmpty()) {
      MethodNode tokens = TokenLocking.SAFE ? withTokens() : null;
      if (tokens != null) {
        result = tokens;
      } else {
        rewriteConditionally();
      }
    }
    result.accept(next);
  }

  /**
   * A copy of the method rewritten with tokens; null when its locking is not structured, or (a
   * check on the rewrite itself) the rewritten code would not be.
   */
  private MethodNode withTokens() {
    Map<AbstractInsnNode, Integer> depths = MonitorNesting.of(this, true);
    if (depths == null) return null;
    AbstractInsnNode[] originals = instructions.toArray();
    MethodNode copy = new MethodNode(api, access, name, desc, signature,
        exceptions == null ? null : exceptions.toArray(new String[0]));
    accept(copy);
    AbstractInsnNode[] copies = copy.instructions.toArray();
    if (copies.length != originals.length) return null;
    Map<AbstractInsnNode, Integer> copiedDepths = new IdentityHashMap<>();
    Map<AbstractInsnNode, Integer> copiedSites = new IdentityHashMap<>();
    Set<AbstractInsnNode> copiedReal = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < originals.length; i++) {
      Integer depth = depths.get(originals[i]);
      if (depth != null) copiedDepths.put(copies[i], depth);
      Integer site = siteOf.get(originals[i]);
      if (site != null) copiedSites.put(copies[i], site);
      if (real.contains(originals[i])) copiedReal.add(copies[i]);
    }
    rewriteWithTokens(copy, copiedDepths, copiedSites, copiedReal);
    return MonitorNesting.of(copy, false) != null ? copy : null;
  }

  private static void rewriteWithTokens(MethodNode m, Map<AbstractInsnNode, Integer> depths,
      Map<AbstractInsnNode, Integer> sites, Set<AbstractInsnNode> real) {
    int tokens = firstFreeLocal(m);
    AbstractInsnNode[] code = m.instructions.toArray();
    for (int i = 0; i < code.length; i++) {
      AbstractInsnNode insn = code[i];
      Integer depth = depths.get(insn);
      if (depth == null || insn instanceof LabelNode) continue;
      InsnList before = new InsnList();
      if (insn.getOpcode() == Opcodes.MONITORENTER) {
        if (!real.contains(insn)) {
          before.add(siteConstant(sites.get(insn)));
          before.add(hook("monitorToken", "(Ljava/lang/Object;I)Ljava/lang/Object;"));
        }
        before.add(new InsnNode(Opcodes.DUP));
        before.add(new VarInsnNode(Opcodes.ASTORE, tokens + depth));
        m.instructions.insertBefore(insn, before);
        continue;
      }
      // The load that names the monitor moves after the monitorexit, which unlocks the token: a
      // class constant's ldc may throw, and holding the monitor it would need a catch-all.
      AbstractInsnNode operand = MonitorNesting.previousReal(code, i);
      m.instructions.remove(operand);
      int token = tokens + depth - 1;
      before.add(new VarInsnNode(Opcodes.ALOAD, token));
      LabelNode from = new LabelNode();
      LabelNode to = new LabelNode();
      InsnList after = new InsnList();
      after.add(from);
      after.add(operand);
      after.add(new VarInsnNode(Opcodes.ALOAD, token));
      after.add(siteConstant(sites.get(insn)));
      after.add(hook("monitorRelease", "(Ljava/lang/Object;Ljava/lang/Object;I)V"));
      after.add(to);
      m.instructions.insert(insn, after);
      m.instructions.insertBefore(insn, before);
      uncover(m, from, to, depth - 1, depths);
    }
  }

  /**
   * Takes the release after a {@code monitorexit} (between {@code from} and {@code to}), which
   * runs holding {@code held} monitors, out of the ranges of every handler that does not begin
   * holding as many: javac's handler for a synchronized block covers its own {@code monitorexit},
   * and the JIT compiles no method where a handler is reached holding different monitors (nor, C1,
   * one with a call in the first block of a handler covering it). The handlers of enclosing blocks
   * keep covering it: where a monitor is held, the JIT wants every call covered by a catch-all
   * that releases it.
   */
  private static void uncover(MethodNode m, LabelNode from, LabelNode to, int held,
      Map<AbstractInsnNode, Integer> depths) {
    InsnList instructions = m.instructions;
    int start = instructions.indexOf(from);
    int end = instructions.indexOf(to);
    for (int i = 0; i < m.tryCatchBlocks.size(); i++) {
      TryCatchBlockNode block = m.tryCatchBlocks.get(i);
      if (instructions.indexOf(block.start) > start || instructions.indexOf(block.end) < end
          || Integer.valueOf(held).equals(depths.get(block.handler))) {
        continue;
      }
      TryCatchBlockNode after = new TryCatchBlockNode(to, block.end, block.handler, block.type);
      block.end = from;
      if (!hasCode(block.start, block.end)) m.tryCatchBlocks.remove(i--);
      if (hasCode(after.start, after.end)) m.tryCatchBlocks.add(++i, after);
    }
  }

  /** Whether an instruction lies between two labels: a class file has no empty handler range. */
  private static boolean hasCode(LabelNode from, LabelNode to) {
    for (AbstractInsnNode insn = from; insn != null && insn != to; insn = insn.getNext()) {
      if (insn.getOpcode() >= 0) return true;
    }
    return false;
  }

  private void rewriteConditionally() {
    for (AbstractInsnNode insn : instructions.toArray()) {
      Integer site = siteOf.get(insn);
      if (site == null) continue;
      boolean enter = insn.getOpcode() == Opcodes.MONITORENTER;
      LabelNode realOne = new LabelNode();
      LabelNode done = new LabelNode();
      InsnList code = new InsnList();
      code.add(new InsnNode(Opcodes.DUP));
      code.add(siteConstant(site));
      code.add(hook(enter ? "monitorEnter" : "monitorExit", "(Ljava/lang/Object;I)Z"));
      code.add(new JumpInsnNode(Opcodes.IFEQ, realOne));
      code.add(new InsnNode(Opcodes.POP));
      code.add(new JumpInsnNode(Opcodes.GOTO, done));
      code.add(realOne);
      instructions.insertBefore(insn, code);
      instructions.insert(insn, done);
    }
  }

  private static InsnList siteConstant(int site) {
    MethodNode code = new MethodNode();
    MethodSites.pushInt(code, site);
    return code.instructions;
  }

  private static MethodInsnNode hook(String name, String descriptor) {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, HookCalls.HOOKS, name, descriptor, false);
  }

  /** The first local that neither the method nor the adapters before this one use. */
  private static int firstFreeLocal(MethodNode m) {
    int free = Type.getArgumentsAndReturnSizes(m.desc) >> 2;
    if ((m.access & Opcodes.ACC_STATIC) != 0) free--;
    free = Math.max(free, m.maxLocals);
    for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
      if (insn instanceof VarInsnNode var) {
        int size = var.getOpcode() == Opcodes.LLOAD || var.getOpcode() == Opcodes.DLOAD
            || var.getOpcode() == Opcodes.LSTORE || var.getOpcode() == Opcodes.DSTORE ? 2 : 1;
        free = Math.max(free, var.var + size);
      } else if (insn instanceof IincInsnNode inc) {
        free = Math.max(free, inc.var + 1);
      }
    }
    return free;
  }
}
