package dev.baton.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads user code child-first, rewriting each class with {@link UserCodeTransformer} so that its
 * shared-memory accesses and synchronisation become scheduling points.
 *
 * <p>Class bytes come from the parent's resources, so it works under any launcher (Surefire's
 * manifest-only jar, an IDE, a plain class path). JDK classes, Baton itself and test libraries
 * whose code must stay atomic are delegated to the parent unchanged. The loader owns whole
 * packages, so a class and its nested classes always share it.
 */
public final class InstrumentingClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  /** Packages never instrumented: the JDK, Baton's own runtime and the test tool chain. */
  private static final List<String> EXCLUDED_PREFIXES =
      List.of(
          "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.junit.", "junit.",
          "org.opentest4j.", "org.apiguardian.", "org.assertj.", "org.hamcrest.",
          "org.objectweb.asm.", "net.bytebuddy.", "org.apache.maven.", "org.slf4j.",
          "ch.qos.logback.", "org.apache.logging.", "kotlin.", "org.jetbrains.",
          "org.openjdk.jcstress.", "org.mockito.");

  private static final Map<ClassLoader, InstrumentingClassLoader> SHARED =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private final ClassLoader parent;
  private final UserCodeTransformer transformer;
  private final List<String> extraExclusions;
  private final Map<String, ProtectionDomain> domains = new ConcurrentHashMap<>();

  /**
   * @param parent where class bytes and excluded classes come from
   * @param extraExclusions more package prefixes to leave alone ({@code com.acme.generated.})
   */
  public InstrumentingClassLoader(ClassLoader parent, List<String> extraExclusions) {
    super("baton", parent);
    this.parent = parent;
    this.transformer = new UserCodeTransformer(parent);
    this.extraExclusions = List.copyOf(extraExclusions);
  }

  /**
   * The loader every exploration over {@code parent}'s classes shares (classes are instrumented
   * once per JVM, as JUnit loads them once).
   */
  public static InstrumentingClassLoader shared(ClassLoader parent, List<String> extraExclusions) {
    synchronized (SHARED) {
      InstrumentingClassLoader loader = SHARED.get(parent);
      if (loader == null || !loader.extraExclusions.equals(List.copyOf(extraExclusions))) {
        loader = new InstrumentingClassLoader(parent, extraExclusions);
        SHARED.put(parent, loader);
      }
      return loader;
    }
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        c = isExcluded(name) ? null : defineInstrumented(name);
        if (c == null) {
          return parent.loadClass(name);
        }
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }

  /** True for classes this loader leaves to its parent, unchanged. */
  public boolean isExcluded(String className) {
    for (String prefix : EXCLUDED_PREFIXES) {
      if (className.startsWith(prefix)) return true;
    }
    for (String prefix : extraExclusions) {
      if (className.startsWith(prefix)) return true;
    }
    return isFrameworkClass(className);
  }

  private Class<?> defineInstrumented(String name) throws ClassNotFoundException {
    String path = name.replace('.', '/') + ".class";
    URL url = parent.getResource(path);
    if (url == null) {
      return null;
    }
    String location = url.toString();
    byte[] original;
    try (InputStream in = url.openStream()) {
      original = in.readAllBytes();
    } catch (IOException e) {
      throw new ClassNotFoundException("Baton could not read " + location, e);
    }
    byte[] rewritten;
    try {
      rewritten = transformer.transform(name.replace('.', '/'), original);
    } catch (RuntimeException | LinkageError e) {
      throw new InstrumentationException(
          "Baton could not instrument " + name + ": " + e + ". Exclude its package with the"
              + " configuration key baton.instrument.exclude if it need not be controlled.",
          e);
    }
    definePackageFor(name);
    return defineClass(name, rewritten, 0, rewritten.length, domainFor(location, path));
  }

  /** Baton's own packages; anything else under {@code dev.baton} (its tests, samples) is user code. */
  private static boolean isFrameworkClass(String className) {
    int dot = className.lastIndexOf('.');
    String pkg = dot < 0 ? "" : className.substring(0, dot);
    return switch (pkg) {
      case "dev.baton", "dev.baton.engine", "dev.baton.scheduler", "dev.baton.instrument",
          "dev.baton.runtime", "dev.baton.report" -> true;
      default -> false;
    };
  }

  private void definePackageFor(String className) {
    int dot = className.lastIndexOf('.');
    if (dot < 0) return;
    String pkg = className.substring(0, dot);
    if (getDefinedPackage(pkg) == null) {
      try {
        definePackage(pkg, null, null, null, null, null, null, null);
      } catch (IllegalArgumentException raced) {
        // another thread defined it first
      }
    }
  }

  private ProtectionDomain domainFor(String location, String path) {
    String root = location.endsWith(path) ? location.substring(0, location.length() - path.length()) : location;
    if (root.startsWith("jar:") && root.endsWith("!/")) {
      root = root.substring(4, root.length() - 2);
    }
    String key = root;
    return domains.computeIfAbsent(
        key,
        r -> {
          try {
            return new ProtectionDomain(new CodeSource(new URL(r), (Certificate[]) null), null, this, null);
          } catch (MalformedURLException e) {
            return new ProtectionDomain(null, null, this, null);
          }
        });
  }
}
