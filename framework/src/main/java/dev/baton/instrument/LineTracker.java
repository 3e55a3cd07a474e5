package dev.baton.instrument;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * First visitor of every method chain: tells {@link MethodSites} the current source line, so that the
 * visitors after it register sites at the line of the instruction they rewrite.
 */
final class LineTracker extends MethodVisitor {
  private final MethodSites sites;

  LineTracker(MethodSites sites, MethodVisitor next) {
    super(Opcodes.ASM9, next);
    this.sites = sites;
  }

  @Override
  public void visitLineNumber(int line, Label start) {
    sites.line(line);
    super.visitLineNumber(line, start);
  }
}
