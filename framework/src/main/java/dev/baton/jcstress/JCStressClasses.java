package dev.baton.jcstress;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/**
 * Recognises {@code @JCStressTest} classes without loading JCStress: discovery runs for every
 * build, most of which do not have JCStress on their class path.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JCStressClasses {
  /** The annotation that marks a JCStress test. */
  static final String TEST_ANNOTATION = "org.openjdk.jcstress.annotations.JCStressTest";

  private static final byte[] TEST_DESCRIPTOR =
      ("L" + TEST_ANNOTATION.replace('.', '/') + ";").getBytes(StandardCharsets.UTF_8);

  /** The dependency users add, named in messages. */
  static final String DEPENDENCY =
      "org.openjdk.jcstress:jcstress-core (test scope, for example version 0.16)";

  private JCStressClasses() {}

  /**
   * The name JCStress gives the test {@code c} in its test list, its {@code -t} filter and its
   * results: the canonical name, {@code Outer.Nested} for a nested class (as JCStress's samples
   * are), not the binary {@code Outer$Nested}.
   */
  static String testName(Class<?> c) {
    String canonical = c.getCanonicalName();
    return canonical != null ? canonical : c.getName();
  }

  /**
   * Whether {@code candidate} is annotated {@code @JCStressTest}. When JCStress is missing from the
   * class's loader, reflection drops the annotation silently, so the class file itself is read:
   * such a class is still a JCStress test, and must fail with a clear message rather than vanish.
   */
  public static boolean isTestClass(Class<?> candidate) {
    if (candidate.isAnnotation() || candidate.isInterface() || candidate.isSynthetic()) {
      return false;
    }
    for (Annotation a : candidate.getAnnotations()) {
      if (a.annotationType().getName().equals(TEST_ANNOTATION)) return true;
    }
    return !available(candidate.getClassLoader()) && classFileMentionsAnnotation(candidate);
  }

  /** Whether JCStress can be loaded from {@code loader} (the loader of a test class). */
  static boolean available(ClassLoader loader) {
    ClassLoader l = loader == null ? ClassLoader.getSystemClassLoader() : loader;
    synchronized (AVAILABLE) {
      // Asked for every class of a class-path scan: remember the answer per loader.
      return AVAILABLE.computeIfAbsent(l, JCStressClasses::canLoadAnnotation);
    }
  }

  private static final java.util.Map<ClassLoader, Boolean> AVAILABLE = new java.util.WeakHashMap<>();

  private static boolean canLoadAnnotation(ClassLoader loader) {
    try {
      Class.forName(TEST_ANNOTATION, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static boolean classFileMentionsAnnotation(Class<?> c) {
    String resource = "/" + c.getName().replace('.', '/') + ".class";
    try (InputStream in = c.getResourceAsStream(resource)) {
      return in != null && contains(in.readAllBytes(), TEST_DESCRIPTOR);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return true;
    }
    return false;
  }
}
