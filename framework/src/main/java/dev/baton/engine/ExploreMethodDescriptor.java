package dev.baton.engine;

import dev.baton.ExploreInterleavings;
import dev.baton.existing.ExistingTests;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ClassSupport;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * One {@link ExploreInterleavings} method of one test class, or one existing JUnit Jupiter or
 * JUnit 4 test that Baton explores: a test. An inherited method belongs to the subclass it was discovered in,
 * so its {@link MethodSource} names the subclass.
 */
final class ExploreMethodDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT_TYPE = "method";

  private final Class<?> testClass;
  private final Method method;

  ExploreMethodDescriptor(UniqueId parentId, Class<?> testClass, Method method) {
    super(
        parentId.append(SEGMENT_TYPE, segmentValue(method)),
        method.getName() + "(" + parameterList(method, Class::getSimpleName) + ")",
        MethodSource.from(testClass, method));
    this.testClass = testClass;
    this.method = method;
  }

  /** The unique-id segment value, {@code name(java.lang.String, int)}, as Jupiter spells it. */
  static String segmentValue(Method method) {
    return method.getName() + "(" + parameterList(method, Class::getName) + ")";
  }

  private static String parameterList(Method method, Function<Class<?>, String> name) {
    return ClassSupport.nullSafeToString(name, method.getParameterTypes());
  }

  Class<?> testClass() {
    return testClass;
  }

  Method method() {
    return method;
  }

  /**
   * The tags Jupiter's {@code @Tag} gives the method, its class and the classes it is nested in,
   * so that a tag filter (Surefire's {@code groups}, Gradle's {@code includeTags}) selects the
   * test under Baton exactly as it would under Jupiter.
   */
  @Override
  public Set<TestTag> getTags() {
    Set<TestTag> tags = new LinkedHashSet<>();
    for (String name : ExistingTests.jupiterTags(testClass, method)) {
      if (TestTag.isValid(name)) tags.add(TestTag.create(name));
    }
    return tags;
  }

  /**
   * The framework that runs the method inside each schedule, for an existing JUnit Jupiter or
   * JUnit 4 test; empty for a plain {@link ExploreInterleavings} method, which Baton calls itself.
   */
  Optional<ExistingTests.Runner> existingTestRunner() {
    return ExistingTests.runnerOf(method);
  }

  /**
   * The settings: the method's annotation, else its class's (or the class it is nested in), else
   * the defaults (a test put under exploration by {@code baton.explore.include}).
   */
  ExploreInterleavings annotation() {
    return AnnotationSupport.findAnnotation(method, ExploreInterleavings.class)
        .or(() -> ExistingTests.classAnnotation(testClass))
        .orElse(Defaults.ANNOTATION);
  }

  /** Carries the annotation's default attributes. */
  @ExploreInterleavings
  private static final class Defaults {
    static final ExploreInterleavings ANNOTATION =
        Defaults.class.getAnnotation(ExploreInterleavings.class);
  }

  /** {@code com.acme.TransferTest#charges}: what replay tokens are bound to. */
  String scenarioId() {
    return testClass.getName() + "#" + method.getName();
  }

  /**
   * How to re-run only this test with Maven, quoted for a nested class's {@code $}; under Gradle's
   * test worker, Gradle's command first, on a line of its own.
   */
  String replayHint() {
    String test = TestClasses.nameInPackage(testClass) + "#" + method.getName();
    String maven = "mvn test -Dtest=" + (test.contains("$") ? "'" + test + "'" : test);
    if (!BuildTool.underGradle()) return maven;
    return "./gradlew test --tests '" + testClass.getName() + "." + method.getName() + "'\n"
        + maven;
  }

  /** {@code TransferTest#charges(String)}, for messages. */
  String methodDisplayName() {
    return testClass.getName() + "#" + getDisplayName();
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }
}
