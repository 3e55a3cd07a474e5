package dev.baton.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Where the visitors of one method are: class, method, source file and the current source line
 * (kept up to date by {@link LineTracker}). Registers {@link Site}s and pushes their ids.
 */
final class MethodSites {
  private final String className;
  private final String methodName;
  private final String sourceFile;
  private int line = -1;

  MethodSites(String className, String methodName, String sourceFile) {
    this.className = className;
    this.methodName = methodName;
    this.sourceFile = sourceFile;
  }

  void line(int line) {
    this.line = line;
  }

  /** Registers a site at the current line and emits the instruction that pushes its id. */
  void push(MethodVisitor mv, SiteKind kind, String detail) {
    pushInt(mv, register(kind, detail));
  }

  /** Registers a site at the current line and returns its id. */
  int register(SiteKind kind, String detail) {
    return Sites.register(new Site(className, methodName, sourceFile, line, kind, detail));
  }

  /** {@code java/util/concurrent/ConcurrentHashMap} becomes {@code ConcurrentHashMap}. */
  static String simpleName(String internalName) {
    return internalName.substring(internalName.lastIndexOf('/') + 1);
  }

  static void pushInt(MethodVisitor mv, int value) {
    if (value >= -1 && value <= 5) {
      mv.visitInsn(Opcodes.ICONST_0 + value);
    } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
      mv.visitIntInsn(Opcodes.BIPUSH, value);
    } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
      mv.visitIntInsn(Opcodes.SIPUSH, value);
    } else {
      mv.visitLdcInsn(value);
    }
  }
}
