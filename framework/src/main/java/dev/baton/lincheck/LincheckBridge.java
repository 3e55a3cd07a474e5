package dev.baton.lincheck;

import dev.baton.engine.BatonBridge;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * The Lincheck bridge as the engine sees it: {@link CheckLinearizability} classes, their one test
 * per mode, run by {@link LincheckModeExecutor}. Has no Lincheck types, so it loads without
 * Lincheck; a mode then fails naming the dependency.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LincheckBridge implements BatonBridge {
  @Override
  public int order() {
    return 20;
  }

  @Override
  public boolean isTestClass(Class<?> c) {
    return LincheckSpecResolver.isSpecClass(c);
  }

  @Override
  public SelectorResolver resolver(TestDescriptor engine, Predicate<String> classNameFilter) {
    return new LincheckSpecResolver(engine, classNameFilter);
  }

  @Override
  public Execution execution(Context context) {
    LincheckModeExecutor executor = new LincheckModeExecutor(context.configuration());
    return descriptor -> {
      if (!(descriptor instanceof LincheckModeDescriptor mode)) return false;
      if (context.cancellation().isCancellationRequested()) {
        context.listener().executionSkipped(mode, "Execution cancelled");
        return true;
      }
      context.listener().executionStarted(mode);
      TestExecutionResult result = executor.execute(mode, context.listener());
      context.listener().executionFinished(mode, result);
      return true;
    };
  }
}
