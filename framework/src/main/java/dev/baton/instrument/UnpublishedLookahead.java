package dev.baton.instrument;

import dev.baton.instrument.UnpublishedObjects.Accesses;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * Buffers a whole method, finds its accesses on objects no other thread can see yet ({@link
 * UnpublishedObjects}), fills them into the sets of {@code skipped} it was given, then replays the
 * original code into {@code next}, whose {@link FieldAccessAdapter} and {@link ArrayAccessAdapter}
 * read those sets for each field instruction and element access they meet. The visitors between
 * this one and those adapters add no field instructions and no element accesses, so the numbering
 * of the analysis (in code order) is the adapters'.
 *
 * <p>Only methods worth it are analysed: constructors (their own {@code this}) and methods that
 * allocate something and access a field or an element; the others are replayed as they are.
 */
final class UnpublishedLookahead extends MethodNode {
  private final String owner;
  private final ConstructorLeaks leaks;
  private final PointRules rules;
  private final Accesses skipped;
  private final MethodVisitor next;

  UnpublishedLookahead(
      String owner,
      int access,
      String name,
      String descriptor,
      String signature,
      String[] exceptions,
      ConstructorLeaks leaks,
      PointRules rules,
      Accesses skipped,
      MethodVisitor next) {
    super(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
    this.owner = owner;
    this.leaks = leaks;
    this.rules = rules;
    this.skipped = skipped;
    this.next = next;
  }

  @Override
  public void visitEnd() {
    boolean trackThis = rules.unpublishedThis() && name.equals("<init>");
    boolean trackAllocations =
        rules.freshObjects() && UnpublishedObjects.allocatesAndAccesses(this);
    if (trackThis || trackAllocations) {
      Accesses found =
          UnpublishedObjects.find(owner, this, leaks::mayLeak, trackThis, trackAllocations);
      skipped.fields().or(found.fields());
      skipped.elements().or(found.elements());
    }
    accept(next);
  }
}
