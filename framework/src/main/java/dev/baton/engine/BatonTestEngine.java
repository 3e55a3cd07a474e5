package dev.baton.engine;

import dev.baton.ExploreInterleavings;
import dev.baton.instrument.BatonAgent;
import dev.baton.existing.DiscoveredByBaton;
import dev.baton.existing.ExploreSelection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * The JUnit Platform engine {@value #ENGINE_ID}: discovers {@link ExploreInterleavings} methods and
 * explores each under Baton's controlled scheduler.
 *
 * <p>The tree is the engine, one container per test class (with a class source) and one test per
 * method (with a method source), which is what IDEs and Surefire expect. Tests run one after
 * another; a test class is loaded for execution through an instrumenting class loader, once per
 * engine execution, and every schedule gets a fresh instance of it. A test that cannot run as
 * written fails with a message that says why, instead of disappearing.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BatonTestEngine implements TestEngine {
  /** The engine id, as in the unique id {@code [engine:baton]}. */
  public static final String ENGINE_ID = "baton";

  @Override
  public String getId() {
    return ENGINE_ID;
  }

  @Override
  public Optional<String> getGroupId() {
    return Optional.of("dev.baton");
  }

  @Override
  public Optional<String> getArtifactId() {
    return Optional.of("baton");
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    EngineDescriptor engine = new EngineDescriptor(uniqueId, "Baton");
    ExploreSelection selection = exploreSelection(request);
    EngineDiscoveryRequestResolver.Builder<EngineDescriptor> builder =
        EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
            .addClassContainerSelectorResolver(
                c -> Bridges.isBridgeTestClass(c) || TestClasses.isTestClass(c, selection));
    // The bridges' resolvers first (a JCStress class whose JCStress types are missing must not
    // reach the engine's reflection), in their order.
    for (BatonBridge bridge : Bridges.all()) {
      builder.addSelectorResolver(
          context -> bridge.resolver(context.getEngineDescriptor(), context.getClassNameFilter()));
    }
    builder
        .addSelectorResolver(
            context ->
                new TestClassResolver(
                    context.getEngineDescriptor(), context.getClassNameFilter(), selection))
        .build()
        .resolve(ExistingTestIds.of(request, selection), engine);
    recordExistingTests(engine);
    return engine;
  }

  /**
   * Tells {@link DiscoveredByBaton} which existing Jupiter and JUnit 4 tests this discovery took,
   * so that the launcher filter takes exactly those out of their own engine's run.
   */
  private static void recordExistingTests(EngineDescriptor engine) {
    DiscoveredByBaton.clear();
    for (TestDescriptor d : engine.getDescendants()) {
      if (d instanceof ExploreMethodDescriptor test && test.existingTestRunner().isPresent()) {
        DiscoveredByBaton.add(test.testClass(), test.method());
      }
    }
  }

  /**
   * The existing tests {@value ExploreSelection#KEY} puts under Baton: from the system property or
   * {@code junit-platform.properties}, where the filter that takes them out of Jupiter's run reads
   * it too. A malformed value fails discovery with a message naming the key.
   */
  private static ExploreSelection exploreSelection(EngineDiscoveryRequest request) {
    ExploreSelection fromEnvironment = ExploreSelection.fromEnvironment();
    if (!fromEnvironment.isEmpty()) return fromEnvironment;
    return request.getConfigurationParameters().get(ExploreSelection.KEY)
        .map(ExploreSelection::parse)
        .orElse(ExploreSelection.NONE);
  }

  @Override
  public void execute(ExecutionRequest request) {
    TestDescriptor root = request.getRootTestDescriptor();
    EngineExecutionListener listener = request.getEngineExecutionListener();
    listener.executionStarted(root);
    BatonConfiguration configuration =
        BatonConfiguration.from(request.getConfigurationParameters());
    Throwable agentFailure = null;
    if (!root.getChildren().isEmpty()) {
      try {
        BatonAgent.install();
      } catch (OutOfMemoryError e) {
        throw e;
      } catch (Throwable t) {
        agentFailure = t;
      }
    }
    BatonBridge.Context context = new BatonBridge.Context(
        root, listener, request.getCancellationToken(), configuration);
    List<BatonBridge.Execution> bridges = new ArrayList<>();
    for (BatonBridge bridge : Bridges.all()) bridges.add(bridge.execution(context));
    Run run =
        new Run(
            listener,
            request.getCancellationToken(),
            new ExploreMethodExecutor(
                configuration,
                new InstrumentedClasses(configuration.instrumentExclusions()),
                forwarded(request.getConfigurationParameters())),
            agentFailure,
            List.copyOf(bridges));
    for (TestDescriptor child : List.copyOf(root.getChildren())) {
      run.execute(child);
    }
    if (!root.getChildren().isEmpty()) {
      configuration.unusedReplayWarning().ifPresent(System.out::println);
    }
    listener.executionFinished(root, TestExecutionResult.successful());
  }

  /** The configuration parameters Jupiter gets when it runs a test inside a schedule. */
  private static Map<String, String> forwarded(
      ConfigurationParameters parameters) {
    Map<String, String> forwarded = new HashMap<>();
    for (String key : parameters.keySet()) {
      parameters.get(key).ifPresent(value -> forwarded.put(key, value));
    }
    return forwarded;
  }

  /** One execution's walk over the descriptor tree. */
  private record Run(
      EngineExecutionListener listener,
      CancellationToken cancellation,
      ExploreMethodExecutor executor,
      Throwable agentFailure,
      List<BatonBridge.Execution> bridges) {

    void execute(TestDescriptor descriptor) {
      for (BatonBridge.Execution bridge : bridges) {
        if (bridge.execute(descriptor)) return; // the bridge reported its events
      }
      if (cancellation.isCancellationRequested()) {
        listener.executionSkipped(descriptor, "Execution cancelled");
        return;
      }
      listener.executionStarted(descriptor);
      TestExecutionResult result;
      if (descriptor instanceof ExploreMethodDescriptor test) {
        result = agentFailure == null ? executor.execute(test, listener) : agentFailed(test);
      } else {
        for (TestDescriptor child : List.copyOf(descriptor.getChildren())) {
          execute(child);
        }
        result = TestExecutionResult.successful();
      }
      listener.executionFinished(descriptor, result);
    }

    private TestExecutionResult agentFailed(ExploreMethodDescriptor test) {
      return TestExecutionResult.failed(
          new BatonEngineException(
              "Baton could not attach its agent, so it cannot control "
                  + test.methodDisplayName()
                  + ": "
                  + agentFailure,
              agentFailure));
    }
  }
}
