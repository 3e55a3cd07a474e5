package dev.baton.instrument;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Gives every call bracketed by {@code Hooks.atomicEnter(receiver)}/{@code atomicExit()} (see {@link
 * SharedCallAdapter}) an exception handler that leaves the atomic region and rethrows, so an
 * exception out of the JDK (an interrupted {@code take()}, a {@code NoSuchElementException}) does
 * not leave the thread unpreemptible. The handler code is placed right after the call, jumped
 * over on the normal path.
 *
 * <p>The handlers must come first in the exception table: the JVM takes the first entry whose range
 * covers the throwing instruction, and the method's own handlers, which may cover the call too, are
 * visited before any instruction. So the method is buffered as a tree and the entries prepended.
 */
final class AtomicCallHandlers extends MethodNode {
  private final MethodVisitor next;

  AtomicCallHandlers(
      int access, String name, String descriptor, String signature, String[] exceptions,
      MethodVisitor next) {
    super(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
    this.next = next;
  }

  @Override
  public void visitEnd() {
    List<TryCatchBlockNode> handlers = new ArrayList<>();
    List<AbstractInsnNode> calls = new ArrayList<>();
    for (AbstractInsnNode insn = instructions.getFirst(); insn != null; insn = insn.getNext()) {
      // The wrapped call is the instruction right before its atomicExit.
      if (isHook(insn, "atomicExit")) calls.add(previousReal(insn));
    }
    for (AbstractInsnNode call : calls) {
      LabelNode start = new LabelNode();
      LabelNode end = new LabelNode();
      LabelNode handler = new LabelNode();
      LabelNode after = new LabelNode();
      // The handler sits right after the call, inside every range that covers the call, so its
      // rethrow reaches the method's own handlers just as the original exception would have.
      InsnList code = new InsnList();
      code.add(end);
      code.add(new JumpInsnNode(Opcodes.GOTO, after));
      code.add(handler);
      code.add(new MethodInsnNode(
          Opcodes.INVOKESTATIC, HookCalls.HOOKS, "atomicExit", "()V", false));
      code.add(new InsnNode(Opcodes.ATHROW));
      code.add(after);
      instructions.insertBefore(call, start);
      instructions.insert(call, code);
      handlers.add(new TryCatchBlockNode(start, end, handler, null));
    }
    tryCatchBlocks.addAll(0, handlers);
    accept(next);
  }

  private static boolean isHook(AbstractInsnNode insn, String name) {
    return insn instanceof MethodInsnNode m
        && m.getOpcode() == Opcodes.INVOKESTATIC
        && m.owner.equals(HookCalls.HOOKS)
        && m.name.equals(name);
  }

  private static AbstractInsnNode previousReal(AbstractInsnNode insn) {
    AbstractInsnNode n = insn.getPrevious();
    while (n != null && n.getOpcode() < 0) n = n.getPrevious();
    return n;
  }
}
