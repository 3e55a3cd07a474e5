package dev.baton.engine;

import dev.baton.ExploreInterleavings;
import dev.baton.existing.ExploreSelection;
import dev.baton.existing.ExistingTests;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * What discovery counts as a Baton test class and a Baton test method.
 *
 * <p>Deliberately broad: a static, private or parameterised {@link ExploreInterleavings} method, or
 * one in a non-static inner class, is still discovered, so that execution can fail it with a
 * message that says how to fix it instead of dropping it silently ({@link MisuseCheck}).
 *
 * <p>Existing JUnit Jupiter tests are Baton tests too when {@link ExistingTests} says Baton explores
 * them (the class or the method carries {@link ExploreInterleavings}, or {@link ExploreSelection}
 * names them); Jupiter itself runs them inside each schedule.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TestClasses {
  private TestClasses() {}

  /** {@link #isTestClass(Class, ExploreSelection)} for tests that name themselves by annotation. */
  public static boolean isTestClass(Class<?> candidate) {
    return isTestClass(candidate, ExploreSelection.NONE);
  }

  /** A concrete class declaring or inheriting at least one test method Baton explores. */
  public static boolean isTestClass(Class<?> candidate, ExploreSelection selection) {
    if (candidate.isInterface()
        || candidate.isAnnotation()
        || candidate.isEnum()
        || candidate.isPrimitive()
        || candidate.isArray()
        || candidate.isAnonymousClass()
        || candidate.isLocalClass()
        || candidate.isSynthetic()
        || Modifier.isAbstract(candidate.getModifiers())) {
      return false;
    }
    return !testMethods(candidate, selection).isEmpty();
  }

  /** Whether Baton explores {@code method} of {@code testClass}. */
  static boolean isTestMethod(Class<?> testClass, Method method, ExploreSelection selection) {
    return AnnotationSupport.isAnnotated(method, ExploreInterleavings.class)
        || ExistingTests.exploredByBaton(testClass, method, selection);
  }

  /**
   * The test methods of {@code testClass}: its {@link ExploreInterleavings} methods and the
   * Jupiter tests Baton explores, superclass methods first; overridden ones once.
   */
  static List<Method> testMethods(Class<?> testClass, ExploreSelection selection) {
    List<Method> methods = new ArrayList<>(ReflectionSupport.findMethods(
        testClass,
        m -> AnnotationSupport.isAnnotated(m, ExploreInterleavings.class),
        HierarchyTraversalMode.TOP_DOWN));
    for (Method jupiter : ExistingTests.exploredMethods(testClass, selection)) {
      if (!methods.contains(jupiter)) methods.add(jupiter);
    }
    return methods;
  }

  /** A member class that is not static: it needs an enclosing instance to exist. */
  static boolean isInnerClass(Class<?> c) {
    return c.isMemberClass() && !Modifier.isStatic(c.getModifiers());
  }

  /** The class name without its package: {@code Outer$Inner} for a nested class. */
  public static String nameInPackage(Class<?> c) {
    String name = c.getName();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /**
   * The unique id of the engine's container of {@code testClass}'s {@link ExploreInterleavings}
   * methods: a bridge whose class selector matched first selects it, so those tests run too.
   */
  public static org.junit.platform.engine.UniqueId interleavingClassId(
      org.junit.platform.engine.TestDescriptor engine, Class<?> testClass) {
    return TestClassResolver.classId(engine, testClass);
  }
}
