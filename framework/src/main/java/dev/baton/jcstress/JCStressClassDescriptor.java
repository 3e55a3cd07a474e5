package dev.baton.jcstress;

import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * The container of a {@code @JCStressTest} class, holding its one {@link JCStressTestDescriptor}:
 * build tools (Surefire in particular) count and report tests inside a class container.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JCStressClassDescriptor extends AbstractTestDescriptor {
  /** The unique-id segment type, as in {@code [engine:baton]/[jcstress-class:com.acme.RacyTest]}. */
  public static final String SEGMENT_TYPE = "jcstress-class";

  JCStressClassDescriptor(UniqueId parentId, Class<?> testClass) {
    super(parentId.append(SEGMENT_TYPE, testClass.getName()), simpleName(testClass),
        ClassSource.from(testClass));
  }

  static String simpleName(Class<?> c) {
    String name = c.getName();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  @Override
  public String getLegacyReportingName() {
    return getSource().map(s -> ((ClassSource) s).getClassName()).orElse(getDisplayName());
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }
}
