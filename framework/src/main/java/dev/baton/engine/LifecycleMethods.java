package dev.baton.engine;

import dev.baton.AfterSchedule;
import dev.baton.BeforeSchedule;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The methods run around every schedule: {@link BeforeSchedule} and Jupiter's {@code BeforeEach}
 * before, superclass methods first; {@link AfterSchedule} and Jupiter's {@code AfterEach} after,
 * superclass methods last, as Jupiter orders them.
 *
 * <p>Jupiter's annotations are matched by name so that Baton does not depend on Jupiter.
 *
 * @param befores run before the test method, in order
 * @param afters run after the test method, in order, even when it failed
 */
record LifecycleMethods(List<Method> befores, List<Method> afters) {
  private static final String JUPITER_BEFORE_EACH = "org.junit.jupiter.api.BeforeEach";
  private static final String JUPITER_AFTER_EACH = "org.junit.jupiter.api.AfterEach";

  static LifecycleMethods of(Class<?> testClass) {
    return new LifecycleMethods(
        ReflectionSupport.findMethods(
            testClass, LifecycleMethods::isBefore, HierarchyTraversalMode.TOP_DOWN),
        ReflectionSupport.findMethods(
            testClass, LifecycleMethods::isAfter, HierarchyTraversalMode.BOTTOM_UP));
  }

  private static boolean isBefore(Method method) {
    return AnnotationSupport.isAnnotated(method, BeforeSchedule.class)
        || hasAnnotationNamed(method, JUPITER_BEFORE_EACH);
  }

  private static boolean isAfter(Method method) {
    return AnnotationSupport.isAnnotated(method, AfterSchedule.class)
        || hasAnnotationNamed(method, JUPITER_AFTER_EACH);
  }

  private static boolean hasAnnotationNamed(Method method, String annotationName) {
    for (Annotation annotation : method.getDeclaredAnnotations()) {
      if (annotation.annotationType().getName().equals(annotationName)) {
        return true;
      }
    }
    return false;
  }
}
