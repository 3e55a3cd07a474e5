package dev.baton.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Answers whether a constructor, called as a {@code super(...)} or {@code this(...)} call, may let
 * {@code this} escape (a superclass that registers {@code this} in a listener list, starts a thread
 * with it, or calls an overridable method on it), by running {@link UnpublishedThis} over its code,
 * and over the constructors it calls in turn, up to {@code java.lang.Object}'s, which cannot.
 *
 * <p>Reads class files as resources, never loading a class (see {@link ClassHierarchy}). Whatever it
 * cannot read or analyse may leak; so does a constructor whose chain is still being analysed when
 * asked again (a cycle, which only broken class files have). Thread-safe, and deterministic: the
 * answers are computed under one lock, so a class is rewritten the same way whichever threads load
 * classes at the same time.
 */
final class ConstructorLeaks {
  private static final String OBJECT_CONSTRUCTOR = ClassHierarchy.OBJECT + ".<init>()V";

  private final ClassLoader resources;
  private final Map<String, byte[]> registered = new ConcurrentHashMap<>();
  /** Guarded by this: one answer per constructor, whichever thread asks first. */
  private final Map<String, Boolean> answers = new HashMap<>();

  ConstructorLeaks(ClassLoader resources) {
    this.resources = resources;
  }

  /**
   * Lends the bytes of the class being transformed, for its this(...) calls, until {@link
   * #forget}: a class defined at run time has no class file resource.
   */
  void register(String internalName, byte[] classFile) {
    registered.put(internalName, classFile);
  }

  /** Drops the bytes {@link #register} lent (the answers found with them stay cached). */
  void forget(String internalName) {
    registered.remove(internalName);
  }

  /** True unless {@code owner.<init>descriptor} is known not to let {@code this} escape. */
  synchronized boolean mayLeak(String owner, String descriptor) {
    String key = owner + ".<init>" + descriptor;
    if (key.equals(OBJECT_CONSTRUCTOR)) return false;
    Boolean known = answers.get(key);
    if (known != null) return known;
    answers.put(key, true); // while analysing: a cycle back here is answered conservatively
    boolean leaks = analyse(owner, descriptor);
    answers.put(key, leaks);
    return leaks;
  }

  private boolean analyse(String owner, String descriptor) {
    ClassNode type = read(owner);
    if (type == null) return true;
    for (MethodNode method : type.methods) {
      if (method.name.equals("<init>") && method.desc.equals(descriptor)) {
        return !UnpublishedThis.cannotLeak(owner, method, this::mayLeak);
      }
    }
    return true;
  }

  private ClassNode read(String internalName) {
    byte[] bytes = registered.get(internalName);
    try {
      if (bytes == null) {
        try (InputStream in = resources.getResourceAsStream(internalName + ".class")) {
          if (in == null) return null;
          bytes = in.readAllBytes();
        }
      }
      ClassNode node = new ClassNode();
      new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      return node;
    } catch (IOException | RuntimeException e) {
      return null; // unreadable: treated as leaking
    }
  }
}
