package dev.baton.instrument;

import dev.baton.instrument.EscapeInterpreter.Ref;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * A frame of the escape analysis that forgets an object in every slot at once: when an instruction
 * lets an object escape, every local and stack entry that may hold it is no longer unpublished
 * (the object is one, however many copies of the reference the frame holds; storing it anywhere
 * else is itself an escape, so the frame holds them all); and when an allocation runs again (a
 * loop), the references to the object it made before no longer name the one live object of that
 * site. With {@link EscapeInterpreter} only.
 */
final class EscapeFrame extends Frame<Ref> {

  EscapeFrame(int numLocals, int maxStack) {
    super(numLocals, maxStack);
  }

  EscapeFrame(Frame<? extends Ref> frame) {
    super(frame);
  }

  @Override
  public void execute(AbstractInsnNode insn, Interpreter<Ref> interpreter)
      throws AnalyzerException {
    EscapeInterpreter escapes = (EscapeInterpreter) interpreter;
    if (escapes.allocates(insn)) forget(Set.of(insn));
    super.execute(insn, interpreter);
    Set<Object> escaped = escapes.takeEscaping();
    if (!escaped.isEmpty()) forget(escaped);
  }

  /** Marks published every value that may be an object of {@code sites}. */
  private void forget(Set<Object> sites) {
    boolean all = sites.contains(EscapeInterpreter.ANY);
    for (int i = 0; i < getLocals(); i++) {
      Ref value = getLocal(i);
      if (value != null && concerns(value, sites, all)) setLocal(i, value.published());
    }
    for (int i = 0; i < getStackSize(); i++) {
      Ref value = getStack(i);
      if (value != null && concerns(value, sites, all)) setStack(i, value.published());
    }
  }

  private static boolean concerns(Ref value, Set<Object> sites, boolean all) {
    if (!value.unpublished()) return false;
    return all || value.site() == EscapeInterpreter.ANY || sites.contains(value.site());
  }
}
