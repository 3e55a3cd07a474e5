package dev.baton.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * Instruments classes that scenario code defines at run time, like the classes Baton loads itself:
 * a scripting engine's compiled script, a proxy, a class a user-level loader makes from bytes.
 *
 * <p>Such a class never passes through {@link InstrumentingClassLoader#loadClass}: a child loader
 * of the scenario's loader defines it, or a library defines it into the scenario's loader through
 * {@code MethodHandles.Lookup.defineClass} (ByteBuddy, Mockito). Uninstrumented, its static
 * initialiser would not tell the scheduler that it runs, so a thread could be parked inside it by
 * a scheduling point of the scenario code it calls, while the thread holding the baton waits for
 * the JVM's class-initialisation lock: a hang. Rewritten here, the class reports its static
 * initialiser (never preempted) and its own accesses become scheduling points.
 *
 * <p>A class counts as the scenario's when the loader defining it is an {@link
 * InstrumentingClassLoader}, descends from one, or is itself an object of a class one defined. Its
 * package must not be {@linkplain InstrumentingClassLoader#isExcluded excluded}. Redefinitions and
 * retransformations (Mockito's inline mock maker) are left alone.
 */
final class RuntimeDefinedClasses implements ClassFileTransformer {

  @Override
  public byte[] transform(
      ClassLoader loader,
      String internalName,
      Class<?> classBeingRedefined,
      ProtectionDomain domain,
      byte[] classFile) {
    if (loader == null || internalName == null || classBeingRedefined != null) return null;
    InstrumentingClassLoader scenario = scenarioLoaderOf(loader);
    if (scenario == null) return null;
    String name = internalName.replace('/', '.');
    // A class from the loader's class path: DefinitionRewriter rewrites it, last in the chain.
    if (loader == scenario && scenario.isDefiningFromClassPath(name)) return null;
    // Any other class a new loader would define again; this one keeps it, with its static state.
    // Not the JDK's own (reflection's accessors, proxies): they hold nothing of the program's.
    if (!StaticReset.isJdk(internalName)) scenario.definedAtRunTime();
    if (scenario.isExcluded(name)) return null;
    try {
      // The scenario's own code knows the classes defined into it so far; a child loader's
      // class files are read through the child (no cache kept: such loaders come and go).
      return loader == scenario
          ? scenario.code().transform(internalName, classFile)
          : new UserCodeTransformer(loader).transform(internalName, classFile);
    } catch (RuntimeException | LinkageError e) {
      // Defined as it is, rather than a class that cannot be defined; but never silently: its
      // static initialiser and accesses are outside Baton's control.
      System.out.println("[baton] could not instrument " + name + ", a class defined at run time"
          + " by " + loader.getClass().getName() + "; Baton does not control its code: " + e);
      return null;
    }
  }

  /** The instrumenting loader {@code loader} belongs to, or null when it is not the scenario's. */
  static InstrumentingClassLoader scenarioLoaderOf(ClassLoader loader) {
    for (ClassLoader l = loader; l != null; l = l.getParent()) {
      if (l instanceof InstrumentingClassLoader scenario) return scenario;
      if (l.getClass().getClassLoader() instanceof InstrumentingClassLoader scenario) {
        return scenario;
      }
    }
    return null;
  }
}
