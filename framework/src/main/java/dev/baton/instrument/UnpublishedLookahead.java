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
 * <p>Only what is worth it is analysed: a constructor's own {@code this}, and the allocations of a
 * method that allocates something and accesses a field or an element; the rest is replayed as
 * it is.
 */
final class UnpublishedLookahead extends MethodNode {
  private final String owner;
  private final ConstructorLeaks leaks;
  /** Whether a constructor's own {@code this} is followed. */
  private final boolean trackThis;
  /** Whether the method's own allocations are followed. */
  private final boolean trackAllocations;
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
      boolean trackThis,
      boolean trackAllocations,
      Accesses skipped,
      MethodVisitor next) {
    super(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
    this.owner = owner;
    this.leaks = leaks;
    this.trackThis = trackThis;
    this.trackAllocations = trackAllocations;
    this.skipped = skipped;
    this.next = next;
  }

  @Override
  public void visitEnd() {
    boolean allocations = trackAllocations && UnpublishedObjects.allocatesAndAccesses(this);
    if (trackThis || allocations) {
      Accesses found =
          UnpublishedObjects.find(owner, this, leaks::mayLeak, trackThis, allocations);
      skipped.fields().or(found.fields());
      skipped.elements().or(found.elements());
    }
    accept(next);
  }
}
