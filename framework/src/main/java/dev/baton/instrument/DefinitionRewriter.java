package dev.baton.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * Rewrites, inside the JVM's chain of class file transformers, each class that an {@link
 * InstrumentingClassLoader} defines from the class path.
 *
 * <p>The loader defines a class from its ORIGINAL class file; the JVM then runs the transformers
 * of other agents on it first (JaCoCo's agent, which is not retransformation-capable, always runs
 * before this one, which is), and this transformer rewrites the result. So JaCoCo sees the bytes of
 * the class file on disk and identifies the class by their checksum: lines run only in Baton's
 * explorations count for the original class in JaCoCo's report. When no other agent changed the
 * bytes, the loader's cached rewritten class file is used as it is.
 *
 * <p>On a retransformation of such a class, the same rewriting is applied again to the same bytes.
 *
 * <p>A transformer's exception is swallowed by the JVM, so a failure is handed to the loader, which
 * reports it after the definition (see {@link InstrumentingClassLoader}).
 */
final class DefinitionRewriter implements ClassFileTransformer {
  private static volatile boolean installed;

  /** Called once {@link BatonAgent} has added this transformer to the JVM. */
  static void markInstalled() {
    installed = true;
  }

  /** Whether loaders should define original class files and leave the rewriting to this. */
  static boolean installed() {
    return installed;
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String internalName,
      Class<?> classBeingRedefined,
      ProtectionDomain domain,
      byte[] classFile) {
    if (internalName == null || !(loader instanceof InstrumentingClassLoader scenario)) {
      return null;
    }
    String name = internalName.replace('/', '.');
    // A retransformation (Mockito's inline mock maker) starts again from the defined bytes: the
    // rewriting must be applied again, or the class would lose the methods Baton added.
    return classBeingRedefined == null
        ? scenario.rewriteDefinition(name, classFile)
        : scenario.code().knownRewriting(name, classFile);
  }
}
