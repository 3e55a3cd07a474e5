package dev.baton.engine;

import dev.baton.ExploreInterleavings;
import dev.baton.config.Defaults;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds what stops Baton from running an {@link ExploreInterleavings} method: the method's shape,
 * its annotation attributes, its class's constructor, and its lifecycle methods. Every problem is a
 * sentence that says what is wrong and how to fix it; the test then fails with those sentences
 * rather than with a stack trace from deep inside the engine.
 */
final class MisuseCheck {
  private MisuseCheck() {}

  /** Every problem with {@code method} of {@code testClass}; empty when it can run. */
  static List<String> problems(Class<?> testClass, Method method, ExploreInterleavings settings) {
    List<String> problems = new ArrayList<>();
    methodShape(method, "the test method", problems);
    attributes(settings, problems);
    classShape(testClass, problems);
    LifecycleMethods lifecycle = LifecycleMethods.of(testClass);
    for (Method before : lifecycle.befores()) {
      methodShape(before, "its before-schedule method " + name(before), problems);
    }
    for (Method after : lifecycle.afters()) {
      methodShape(after, "its after-schedule method " + name(after), problems);
    }
    return problems;
  }

  /**
   * Every problem with the settings of an existing JUnit Jupiter or JUnit 4 test that Baton
   * explores: its framework creates its instance and resolves its parameters, so only the
   * attributes can be wrong.
   */
  static List<String> existingTestProblems(ExploreInterleavings settings) {
    List<String> problems = new ArrayList<>();
    attributes(settings, problems);
    return problems;
  }

  /** The message a misused test fails with. */
  static String message(String methodName, List<String> problems) {
    StringBuilder message = new StringBuilder("Baton cannot run ").append(methodName).append(':');
    for (String problem : problems) {
      message.append("\n  - ").append(problem);
    }
    return message.toString();
  }

  private static void methodShape(Method method, String what, List<String> problems) {
    int modifiers = method.getModifiers();
    if (Modifier.isStatic(modifiers)) {
      problems.add(
          what
              + " is static. Fix: remove 'static'; Baton calls it on a fresh instance of the"
              + " test class in every schedule.");
    }
    if (Modifier.isPrivate(modifiers)) {
      problems.add(what + " is private. Fix: make it package-private, protected or public.");
    }
    if (method.getParameterCount() > 0) {
      problems.add(
          what
              + " takes parameters ("
              + simpleNames(method.getParameterTypes())
              + "), and Baton has no arguments to pass. Fix: remove the parameters and build the"
              + " values inside the method.");
    }
    if (method.getReturnType() != void.class) {
      problems.add(
          what
              + " returns "
              + method.getReturnType().getSimpleName()
              + ", so its result would be ignored. Fix: declare it void and fail with an"
              + " exception or assertion instead.");
    }
  }

  private static void attributes(ExploreInterleavings settings, List<String> problems) {
    if (settings.schedules() < 1) {
      problems.add(
          "@ExploreInterleavings(schedules = "
              + settings.schedules()
              + ") explores nothing. Fix:"
              + " set schedules to 1 or more, or leave it out for the default (" + Defaults.SCHEDULES + ").");
    }
    if (settings.pctDepth() < 1) {
      problems.add(
          "@ExploreInterleavings(pctDepth = "
              + settings.pctDepth()
              + ") is not a bug depth."
              + " Fix: set pctDepth to 1 or more, or leave it out for the default (" + Defaults.PCT_DEPTH + ").");
    }
    if (settings.maxSteps() < 1) {
      problems.add(
          "@ExploreInterleavings(maxSteps = "
              + settings.maxSteps()
              + ") allows no scheduling"
              + " point. Fix: set maxSteps to 1 or more, or leave it out for the default"
              + " (" + Defaults.MAX_STEPS + ").");
    }
    if (settings.maxPauseMillis() < 0) {
      problems.add(
          "@ExploreInterleavings(maxPauseMillis = "
              + settings.maxPauseMillis()
              + ") is negative. Fix: set it to 0 (never pause) or more, or leave it out for the"
              + " default (" + Defaults.MAX_PAUSE_MILLIS + ").");
    }
  }

  private static void classShape(Class<?> testClass, List<String> problems) {
    String name = TestClasses.nameInPackage(testClass);
    if (TestClasses.isInnerClass(testClass)) {
      problems.add(
          "its class "
              + name
              + " is an inner (non-static) class, which cannot be created without"
              + " an instance of "
              + testClass.getEnclosingClass().getSimpleName()
              + ". Fix:"
              + " declare it 'static class "
              + testClass.getSimpleName()
              + "' or move it to its"
              + " own file.");
      return;
    }
    if (Modifier.isPrivate(testClass.getModifiers())) {
      problems.add(
          "its class "
              + name
              + " is private, and so is its default constructor. Fix: make the"
              + " class package-private or public.");
      return;
    }
    Constructor<?> noArg;
    try {
      noArg = testClass.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      String declared =
          Arrays.stream(testClass.getDeclaredConstructors())
              .map(c -> testClass.getSimpleName() + "(" + simpleNames(c.getParameterTypes()) + ")")
              .collect(Collectors.joining(", "));
      problems.add(
          "its class "
              + name
              + " has no no-arg constructor (it declares "
              + declared
              + "), and"
              + " Baton creates a fresh instance for every schedule. Fix: add a constructor"
              + " without parameters.");
      return;
    }
    if (Modifier.isPrivate(noArg.getModifiers())) {
      problems.add(
          "the no-arg constructor of "
              + name
              + " is private. Fix: make it package-private or"
              + " public.");
    }
  }

  private static String name(Method method) {
    return TestClasses.nameInPackage(method.getDeclaringClass())
        + "#"
        + method.getName()
        + "("
        + simpleNames(method.getParameterTypes())
        + ")";
  }

  private static String simpleNames(Class<?>[] types) {
    return Arrays.stream(types).map(Class::getSimpleName).collect(Collectors.joining(", "));
  }
}
