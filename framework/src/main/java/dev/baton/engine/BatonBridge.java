package dev.baton.engine;

import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * A bridge that runs another tool's tests in the {@code baton} engine (Lincheck specs, JCStress
 * tests): it owns their discovery, descriptors and execution, in its own package, and the engine
 * knows bridges only through this interface. Bridges are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.baton.engine.BatonBridge}); one must load without its tool on the
 * class path and report the missing dependency when one of its tests runs.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface BatonBridge {
  /** Resolvers run in this order, lowest first, all before the engine's own. */
  default int order() {
    return 100;
  }

  /**
   * Whether {@code c} is a test class of this bridge: class-path and package scans hand such
   * classes to the resolvers, and the engine's own resolver hands on nested ones.
   */
  boolean isTestClass(Class<?> c);

  /** The resolver of this bridge's selectors, adding its descriptors under {@code engine}. */
  SelectorResolver resolver(TestDescriptor engine, Predicate<String> classNameFilter);

  /** What this bridge needs to run its tests in one engine execution. */
  record Context(TestDescriptor root, EngineExecutionListener listener,
      CancellationToken cancellation, BatonConfiguration configuration) {}

  /** This bridge's runner for one engine execution. */
  Execution execution(Context context);

  /** Runs the descriptors of one bridge in one engine execution. */
  interface Execution {
    /**
     * Runs {@code descriptor}, reporting its events (and its children's) to the listener, when it
     * is this bridge's.
     *
     * @return false when the descriptor is not this bridge's: the engine runs it
     */
    boolean execute(TestDescriptor descriptor);
  }
}
