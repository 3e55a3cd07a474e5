package dev.baton.lincheck;

import dev.baton.engine.TestClasses;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * A {@link dev.baton.lincheck.CheckLinearizability} class: the container of one test per mode.
 * Its {@link ClassSource} is what Surefire groups the mode tests under (without it, Surefire drops
 * them).
 */
final class LincheckSpecDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT_TYPE = "lincheck-spec";

  private final Class<?> specClass;

  LincheckSpecDescriptor(UniqueId parentId, Class<?> specClass) {
    super(parentId.append(SEGMENT_TYPE, specClass.getName()), TestClasses.nameInPackage(specClass),
        ClassSource.from(specClass));
    this.specClass = specClass;
  }

  Class<?> specClass() {
    return specClass;
  }

  @Override
  public String getLegacyReportingName() {
    return specClass.getName();
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }
}
