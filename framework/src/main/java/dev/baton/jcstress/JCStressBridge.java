package dev.baton.jcstress;

import dev.baton.engine.BatonConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

/**
 * The engine's entry to the JCStress bridge. The first JCStress test the engine reaches runs all
 * of the execution's JCStress tests in one batch (JCStress's fixed start-up is paid once); the
 * later ones were run with it. Has no JCStress types, so a build without JCStress never loads any.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JCStressBridge {
  private final TestDescriptor root;
  private final EngineExecutionListener listener;
  private final CancellationToken cancellation;
  private final BatonConfiguration configuration;
  private boolean ran;

  public JCStressBridge(TestDescriptor root, EngineExecutionListener listener,
      CancellationToken cancellation, BatonConfiguration configuration) {
    this.root = root;
    this.listener = listener;
    this.cancellation = cancellation;
    this.configuration = configuration;
  }

  /**
   * Runs the JCStress test in {@code container}, reporting every event of the container and its
   * test; the first time, it runs every other JCStress test of the execution with it.
   */
  public void execute(JCStressClassDescriptor container) {
    if (ran) return;
    ran = true;
    List<JCStressTestDescriptor> tests = new ArrayList<>();
    for (TestDescriptor child : root.getChildren()) {
      for (TestDescriptor grandChild : child.getChildren()) {
        if (grandChild instanceof JCStressTestDescriptor t) tests.add(t);
      }
    }
    if (cancellation.isCancellationRequested()) {
      tests.forEach(t -> listener.executionSkipped(t.getParent().orElseThrow(), "Execution cancelled"));
      return;
    }
    JCStressOptions options = JCStressOptions.read(configuration, tests.size());
    List<String> problems = new ArrayList<>(configuration.problems());
    problems.addAll(options.problems());
    List<JCStressTestDescriptor> runnable = new ArrayList<>();
    for (JCStressTestDescriptor t : tests) {
      String problem = !problems.isEmpty() ? String.join(" ", problems)
          : !JCStressClasses.available(t.testClass().getClassLoader()) ? missingJCStress(t) : null;
      if (problem == null) {
        runnable.add(t);
      } else {
        TestDescriptor parent = t.getParent().orElseThrow();
        listener.executionStarted(parent);
        listener.executionStarted(t);
        listener.executionFinished(t, TestExecutionResult.failed(new JCStressSetupException(problem)));
        listener.executionFinished(parent, TestExecutionResult.successful());
      }
    }
    if (!runnable.isEmpty()) {
      new JCStressBatch(listener, cancellation, configuration, options).run(runnable);
    }
  }

  private static String missingJCStress(JCStressTestDescriptor t) {
    return t.testClass().getName() + " is annotated @JCStressTest, but JCStress is not on the test"
        + " class path, so Baton cannot run it. Add the Maven dependency "
        + JCStressClasses.DEPENDENCY + ", and list it in maven-compiler-plugin's"
        + " <annotationProcessorPaths> too (see docs/jcstress.md in Baton's repository).";
  }
}
