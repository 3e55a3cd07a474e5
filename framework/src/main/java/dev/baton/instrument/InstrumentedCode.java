package dev.baton.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * The instrumented class files of one parent class loader, rewritten once and shared by every
 * {@link InstrumentingClassLoader} made from it.
 *
 * <p>A schedule that must not see the static state of earlier schedules runs in a {@link
 * #newLoader() new loader}: its classes are defined again from the cached bytes, so their static
 * initialisers run again, without the cost of reading and rewriting each class file again.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class InstrumentedCode {
  /** Packages never instrumented: the JDK, Baton's own runtime and the test tool chain. */
  private static final List<String> EXCLUDED_PREFIXES =
      List.of(
          "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.junit.", "junit.",
          "org.opentest4j.", "org.apiguardian.", "org.assertj.", "org.hamcrest.",
          "org.objectweb.asm.", "net.bytebuddy.", "org.apache.maven.", "org.slf4j.",
          "ch.qos.logback.", "org.apache.logging.", "kotlin.", "org.jetbrains.",
          "org.openjdk.jcstress.", "org.mockito.");

  private static final Map<ClassLoader, InstrumentedCode> SHARED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final ClassLoader parent;
  private final List<String> extraExclusions;
  private final UserCodeTransformer transformer;
  private final Map<String, Optional<ClassFile>> classFiles = new ConcurrentHashMap<>();
  /** Rewritings of class files another agent changed first (JaCoCo's), by class name. */
  private final Map<String, Rewriting> ofTransformed = new ConcurrentHashMap<>();

  /**
   * @param parent where class bytes and excluded classes come from
   * @param extraExclusions more package prefixes to leave alone ({@code com.acme.generated.})
   */
  public InstrumentedCode(ClassLoader parent, List<String> extraExclusions) {
    this.parent = parent;
    this.extraExclusions = List.copyOf(extraExclusions);
    this.transformer = new UserCodeTransformer(parent);
  }

  /**
   * The instrumented code of {@code parent}'s classes that every exploration in this JVM shares
   * (classes are rewritten once per JVM, as JUnit loads them once).
   */
  public static InstrumentedCode shared(ClassLoader parent, List<String> extraExclusions) {
    synchronized (SHARED) {
      InstrumentedCode code = SHARED.get(parent);
      if (code == null || !code.extraExclusions.equals(List.copyOf(extraExclusions))) {
        code = new InstrumentedCode(parent, extraExclusions);
        SHARED.put(parent, code);
      }
      return code;
    }
  }

  /**
   * A new loader of these classes: defined afresh, with fresh static state. Reuse a loader for the
   * next schedule while it has not {@link InstrumentingClassLoader#definedStaticState() defined a
   * class with static state}: the schedules cannot tell the difference, and the code stays warm.
   */
  public InstrumentingClassLoader newLoader() {
    return new InstrumentingClassLoader(this);
  }

  ClassLoader parent() {
    return parent;
  }

  /** True for classes left to the parent, unchanged. */
  public boolean isExcluded(String className) {
    for (String prefix : EXCLUDED_PREFIXES) {
      if (className.startsWith(prefix)) return true;
    }
    for (String prefix : extraExclusions) {
      if (className.startsWith(prefix)) return true;
    }
    return isFrameworkClass(className);
  }

  /** The rewritten class file of {@code name}, or empty when the parent has no such class file. */
  Optional<ClassFile> classFile(String name) throws ClassNotFoundException {
    Optional<ClassFile> cached = classFiles.get(name);
    if (cached != null) return cached;
    Optional<ClassFile> read = read(name);
    Optional<ClassFile> raced = classFiles.putIfAbsent(name, read);
    return raced != null ? raced : read;
  }

  private Optional<ClassFile> read(String name) throws ClassNotFoundException {
    String path = name.replace('.', '/') + ".class";
    URL url = parent.getResource(path);
    if (url == null) {
      return Optional.empty();
    }
    String location = url.toString();
    byte[] original;
    try (InputStream in = url.openStream()) {
      original = in.readAllBytes();
    } catch (IOException e) {
      throw new ClassNotFoundException("Baton could not read " + location, e);
    }
    UserCodeTransformer.Rewritten rewritten;
    try {
      rewritten = transformer.rewriteClass(name.replace('.', '/'), original);
    } catch (RuntimeException | LinkageError e) {
      throw new InstrumentationException(
          "Baton could not instrument " + name + ": " + e + ". Exclude its package with the"
              + " configuration key baton.instrument.exclude if it need not be controlled.",
          e);
    }
    return Optional.of(
        new ClassFile(
            original,
            rewritten,
            codeSourceOf(location, path),
            StaticState.isMutable(original),
            OriginalAssertionStatus.of(name, parent)));
  }

  /** The class path root a class file came from: a directory or a jar. */
  private static String codeSourceOf(String location, String path) {
    String root =
        location.endsWith(path) ? location.substring(0, location.length() - path.length()) : location;
    if (root.startsWith("jar:") && root.endsWith("!/")) {
      root = root.substring(4, root.length() - 2);
    }
    return root;
  }

  /**
   * The rewriting of {@code name}'s class file as the JVM's transformer chain hands it over: the
   * cached one when no other agent changed the original, else the changed bytes rewritten (once
   * for as long as the other agent gives the same bytes).
   */
  UserCodeTransformer.Rewritten rewrittenDefinition(
      String name, ClassFile file, byte[] transformed) {
    if (Arrays.equals(transformed, file.original())) return file.rewritten();
    Rewriting known = ofTransformed.get(name);
    if (known != null && Arrays.equals(known.input(), transformed)) return known.output();
    UserCodeTransformer.Rewritten output =
        transformer.rewriteClass(name.replace('.', '/'), transformed);
    ofTransformed.put(name, new Rewriting(transformed, output));
    return output;
  }

  /**
   * The rewriting made before from exactly {@code input} (the original or another agent's change
   * of it), or null when {@code name} was never defined from those bytes.
   */
  byte[] knownRewriting(String name, byte[] input) {
    Optional<ClassFile> file = classFiles.get(name);
    if (file == null || file.isEmpty()) return null;
    if (Arrays.equals(input, file.get().original())) return file.get().bytes();
    Rewriting known = ofTransformed.get(name);
    return known != null && Arrays.equals(known.input(), input) ? known.output().bytes() : null;
  }

  private record Rewriting(byte[] input, UserCodeTransformer.Rewritten output) {}

  /** Rewrites a class defined at run time into a loader of this code (no class file to read). */
  byte[] transform(String internalName, byte[] classFile) {
    return transformer.transform(internalName, classFile);
  }

  /** Baton's own packages; anything else under {@code dev.baton} (its tests, samples) is user code. */
  private static boolean isFrameworkClass(String className) {
    int dot = className.lastIndexOf('.');
    String pkg = dot < 0 ? "" : className.substring(0, dot);
    return switch (pkg) {
      case "dev.baton", "dev.baton.engine", "dev.baton.scheduler", "dev.baton.instrument",
          "dev.baton.runtime", "dev.baton.report", "dev.baton.lincheck", "dev.baton.jcstress",
          "dev.baton.config" ->
          true;
      default -> false;
    };
  }

  /**
   * An original and its rewriting (with how the class's static state is made new for the next
   * schedule), the class path root it came from, whether the class has static state that a
   * schedule could change, and whether {@code assert} is on in it as its original loader would
   * have defined it (null when that could not be told).
   */
  record ClassFile(byte[] original, UserCodeTransformer.Rewritten rewritten, String codeSource,
      boolean staticState, Boolean assertions) {
    /** The rewritten class file. */
    byte[] bytes() {
      return rewritten.bytes();
    }
  }
}
