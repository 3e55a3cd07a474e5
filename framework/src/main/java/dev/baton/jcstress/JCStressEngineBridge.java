package dev.baton.jcstress;

import dev.baton.engine.BatonBridge;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * The JCStress bridge as the engine sees it: {@code @JCStressTest} classes, resolved first (a
 * class whose JCStress types are missing must not reach the engine's reflection), all run in one
 * batch by {@link JCStressBridge}. Has no JCStress types, so it loads without JCStress.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JCStressEngineBridge implements BatonBridge {
  @Override
  public int order() {
    return 10;
  }

  @Override
  public boolean isTestClass(Class<?> c) {
    return JCStressClasses.isTestClass(c);
  }

  @Override
  public SelectorResolver resolver(TestDescriptor engine, Predicate<String> classNameFilter) {
    return new JCStressTestResolver(engine, classNameFilter);
  }

  @Override
  public Execution execution(Context context) {
    JCStressBridge bridge = new JCStressBridge(
        context.root(), context.listener(), context.cancellation(), context.configuration());
    return descriptor -> {
      if (!(descriptor instanceof JCStressClassDescriptor container)) return false;
      bridge.execute(container); // all JCStress tests run in one batch, reported by the bridge
      return true;
    };
  }
}
