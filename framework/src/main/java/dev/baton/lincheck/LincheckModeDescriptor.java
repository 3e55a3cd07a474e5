package dev.baton.lincheck;

import dev.baton.engine.TestClasses;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * One mode of a {@link CheckLinearizability} class: a test. Its source is method-style, the mode's
 * test name in the spec class ({@code CounterSpec#modelChecking}), so that Surefire reports each
 * mode as a test of its own instead of merging them, and {@code -Dtest=CounterSpec#baton} selects
 * one.
 */
final class LincheckModeDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT_TYPE = "lincheck-mode";

  private final Class<?> specClass;
  private final LincheckMode mode;

  LincheckModeDescriptor(UniqueId parentId, Class<?> specClass, LincheckMode mode) {
    super(parentId.append(SEGMENT_TYPE, mode.testName()), mode.testName(),
        MethodSource.from(specClass.getName(), mode.testName()));
    this.specClass = specClass;
    this.mode = mode;
  }

  Class<?> specClass() {
    return specClass;
  }

  LincheckMode mode() {
    return mode;
  }

  CheckLinearizability annotation() {
    return AnnotationSupport.findAnnotation(specClass, CheckLinearizability.class).orElseThrow();
  }

  /** How to re-run only this test with Maven. */
  String replayHint() {
    String test = TestClasses.nameInPackage(specClass) + "#" + mode.testName();
    return "mvn test -Dtest=" + (test.contains("$") ? "'" + test + "'" : test);
  }

  String displayName() {
    return specClass.getName() + "#" + mode.testName();
  }

  @Override
  public String getLegacyReportingName() {
    return mode.testName();
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }
}
