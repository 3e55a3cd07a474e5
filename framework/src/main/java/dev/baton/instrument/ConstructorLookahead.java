package dev.baton.instrument;

import java.util.BitSet;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * Buffers a whole constructor, finds its field accesses on a {@code this} no other thread can see
 * yet ({@link UnpublishedThis}), fills them into the set {@code unpublished} it was given, then
 * replays the original code into {@code next}, whose {@link FieldAccessAdapter} reads that set for
 * each field instruction it meets. The visitors between this one and that adapter add no field
 * instructions, so the numbering of the analysis (field instructions in code order) is the
 * adapter's.
 */
final class ConstructorLookahead extends MethodNode {
  private final String owner;
  private final ConstructorLeaks leaks;
  private final MethodVisitor next;
  private final BitSet unpublished;

  ConstructorLookahead(
      String owner,
      int access,
      String name,
      String descriptor,
      String signature,
      String[] exceptions,
      ConstructorLeaks leaks,
      BitSet unpublished,
      MethodVisitor next) {
    super(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
    this.owner = owner;
    this.leaks = leaks;
    this.unpublished = unpublished;
    this.next = next;
  }

  @Override
  public void visitEnd() {
    unpublished.or(UnpublishedThis.unpublishedAccesses(owner, this, leaks::mayLeak));
    accept(next);
  }
}
