package dev.baton.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * A test class: the container of its {@link ExploreMethodDescriptor}s. Its {@link ClassSource} is
 * what build tools (Surefire in particular) use to group and report the tests below it.
 */
final class TestClassDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT_TYPE = "class";

  private final Class<?> testClass;

  TestClassDescriptor(UniqueId parentId, Class<?> testClass) {
    super(
        parentId.append(SEGMENT_TYPE, testClass.getName()),
        TestClasses.nameInPackage(testClass),
        ClassSource.from(testClass));
    this.testClass = testClass;
  }

  /** The class as discovery loaded it (not instrumented). */
  Class<?> testClass() {
    return testClass;
  }

  @Override
  public String getLegacyReportingName() {
    return testClass.getName();
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }
}
