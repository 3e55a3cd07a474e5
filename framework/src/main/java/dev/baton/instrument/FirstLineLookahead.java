package dev.baton.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Buffers a whole method, then replays it into {@code next} with the method's first source line
 * already set in {@link MethodSites}. Code inserted at method entry (a synchronized method's lock)
 * is emitted before the first line number is visited; without the lookahead its site would have
 * no line.
 */
final class FirstLineLookahead extends MethodNode {
  private final MethodSites sites;
  private final MethodVisitor next;

  FirstLineLookahead(
      int access,
      String name,
      String descriptor,
      String signature,
      String[] exceptions,
      MethodSites sites,
      MethodVisitor next) {
    super(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
    this.sites = sites;
    this.next = next;
  }

  @Override
  public void visitEnd() {
    for (AbstractInsnNode insn = instructions.getFirst(); insn != null; insn = insn.getNext()) {
      if (insn instanceof LineNumberNode lineNumber) {
        sites.line(lineNumber.line);
        break;
      }
    }
    accept(next);
  }
}
