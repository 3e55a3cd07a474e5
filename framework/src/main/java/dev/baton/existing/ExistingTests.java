package dev.baton.existing;

import dev.baton.ExploreInterleavings;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Which existing JUnit Jupiter and JUnit 4 tests Baton explores instead of their own engine: every
 * test method of a class annotated with {@link ExploreInterleavings} (or nested with {@code @Nested}
 * in one), a test method annotated with it itself, and the tests that {@code
 * baton.explore.include} names.
 *
 * <p>JUnit's annotations are matched by name, meta-annotations included (a composed {@code
 * @IntegrationTest} that carries {@code @Test}), so that Baton needs neither Jupiter nor JUnit 4
 * on the class path. The engine and {@link ExistingTestsFilter} ask the same questions here, so a
 * test is run by exactly one engine.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ExistingTests {
  private static final Set<String> TEST_ANNOTATIONS =
      Set.of(
          "org.junit.jupiter.api.Test",
          "org.junit.jupiter.api.RepeatedTest",
          "org.junit.jupiter.api.TestFactory",
          "org.junit.jupiter.api.TestTemplate",
          "org.junit.jupiter.params.ParameterizedTest");

  private static final String NESTED = "org.junit.jupiter.api.Nested";
  private static final String JUNIT4_TEST = "org.junit.Test";

  /** Which framework runs an existing test inside each schedule. */
  public enum Runner {
    JUPITER,
    JUNIT4
  }

  private ExistingTests() {}

  /**
   * Which framework runs {@code method} as a test (Jupiter: also a test template or factory), if
   * any.
   */
  public static Optional<Runner> runnerOf(Method method) {
    int modifiers = method.getModifiers();
    if (Modifier.isStatic(modifiers) || Modifier.isAbstract(modifiers)) return Optional.empty();
    if (!Modifier.isPrivate(modifiers)
        && hasAnnotationNamed(method, TEST_ANNOTATIONS, new HashSet<>())) {
      return Optional.of(Runner.JUPITER);
    }
    if (Modifier.isPublic(modifiers) && hasAnnotationNamed(method, Set.of(JUNIT4_TEST), new HashSet<>())) {
      return Optional.of(Runner.JUNIT4);
    }
    return Optional.empty();
  }

  /**
   * The values of Jupiter's {@code @Tag} (and {@code @Tags}) on {@code method}, on {@code testClass}
   * and its superclasses, and on the classes it is {@code @Nested} in, read by name.
   */
  public static Set<String> jupiterTags(Class<?> testClass, Method method) {
    Set<String> tags = new java.util.LinkedHashSet<>();
    addTags(method, tags);
    for (Class<?> c = testClass; c != null; c = isNestedClass(c) ? c.getEnclosingClass() : null) {
      for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) addTags(k, tags);
    }
    return tags;
  }

  private static void addTags(AnnotatedElement element, Set<String> tags) {
    for (Annotation a : element.getAnnotations()) {
      String type = a.annotationType().getName();
      if (type.equals("org.junit.jupiter.api.Tag")) {
        tags.add(String.valueOf(attribute(a, "value")));
      } else if (type.equals("org.junit.jupiter.api.Tags")
          && attribute(a, "value") instanceof Annotation[] each) {
        for (Annotation tag : each) tags.add(String.valueOf(attribute(tag, "value")));
      }
    }
  }

  private static Object attribute(Annotation annotation, String name) {
    try {
      return annotation.annotationType().getMethod(name).invoke(annotation);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /** Whether {@code method} is a Jupiter {@code @RepeatedTest}. */
  public static boolean isRepeatedTest(Method method) {
    return hasAnnotationNamed(method, Set.of("org.junit.jupiter.api.RepeatedTest"), new HashSet<>());
  }

  /** Whether Jupiter runs {@code testClass} as a {@code @Nested} class of its enclosing class. */
  public static boolean isNestedClass(Class<?> testClass) {
    return testClass.isMemberClass()
        && !Modifier.isStatic(testClass.getModifiers())
        && hasAnnotationNamed(testClass, Set.of(NESTED), new HashSet<>());
  }

  /**
   * The class-level {@link ExploreInterleavings} that puts {@code testClass}'s existing tests under
   * exploration: its own (or a superclass's), else that of the class it is {@code @Nested} in.
   */
  public static Optional<ExploreInterleavings> classAnnotation(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = isNestedClass(c) ? c.getEnclosingClass() : null) {
      Optional<ExploreInterleavings> own = annotationOnClassOrSuperclass(c);
      if (own.isPresent()) return own;
    }
    return Optional.empty();
  }

  private static Optional<ExploreInterleavings> annotationOnClassOrSuperclass(Class<?> c) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      Optional<ExploreInterleavings> found =
          AnnotationSupport.findAnnotation(k, ExploreInterleavings.class);
      if (found.isPresent()) return found;
    }
    return Optional.empty();
  }

  /**
   * Whether Baton explores the existing test {@code method} of {@code testClass} (the class it was
   * discovered in, which may inherit it).
   */
  public static boolean exploredByBaton(
      Class<?> testClass, Method method, ExploreSelection selection) {
    if (runnerOf(method).isEmpty()) return false;
    return AnnotationSupport.isAnnotated(method, ExploreInterleavings.class)
        || classAnnotation(testClass).isPresent()
        || selection.includes(testClass, method.getName());
  }

  /** The existing test methods of {@code testClass} that Baton explores, superclass ones first. */
  public static List<Method> exploredMethods(Class<?> testClass, ExploreSelection selection) {
    return ReflectionSupport.findMethods(
        testClass, m -> exploredByBaton(testClass, m, selection), HierarchyTraversalMode.TOP_DOWN);
  }

  private static boolean hasAnnotationNamed(
      AnnotatedElement element, Set<String> names, Set<Class<?>> seen) {
    for (Annotation annotation : element.getAnnotations()) {
      Class<? extends Annotation> type = annotation.annotationType();
      if (names.contains(type.getName())) return true;
      if (!type.getName().startsWith("java.lang.annotation.")
          && seen.add(type)
          && hasAnnotationNamed(type, names, seen)) {
        return true;
      }
    }
    return false;
  }
}
