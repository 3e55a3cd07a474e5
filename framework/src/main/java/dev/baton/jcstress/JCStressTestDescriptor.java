package dev.baton.jcstress;

import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * One {@code @JCStressTest} class as a test: JCStress grades the class as a whole. All of an
 * execution's JCStress tests run in one JCStress batch (see {@link JCStressBridge}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JCStressTestDescriptor extends AbstractTestDescriptor {
  /** The unique-id segment type, as in {@code [jcstress-class:com.acme.RacyTest]/[jcstress:jcstress]}. */
  public static final String SEGMENT_TYPE = "jcstress";

  /** The test's name within its class. */
  static final String NAME = "jcstress";

  private final Class<?> testClass;

  JCStressTestDescriptor(UniqueId parentId, Class<?> testClass) {
    super(parentId.append(SEGMENT_TYPE, NAME), NAME, ClassSource.from(testClass));
    this.testClass = testClass;
  }

  /** The test class, as discovery loaded it. */
  public Class<?> testClass() {
    return testClass;
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }
}
