package dev.baton.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.baton.engine.fixtures.execution.FailingScenarios;
import dev.baton.engine.fixtures.execution.PassingScenarios;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs two Baton tests (one that passes under control, one that fails) through the JUnit Platform
 * launcher, as a build tool's test worker does (Surefire's, Gradle's), and prints one line per
 * test: {@code RESULT name STATUS message}. Tests start it in a fresh JVM: {@link
 * AgentFailureTest} where Baton cannot attach its agent, {@link GradleLikeRunTest} in a directory
 * laid out like a Gradle project.
 */
public final class LauncherRun {
  private LauncherRun() {}

  public static void main(String[] args) {
    TestExecutionListener printer = new TestExecutionListener() {
      @Override
      public void executionSkipped(TestIdentifier test, String reason) {
        System.out.println("RESULT " + test.getDisplayName() + " SKIPPED " + reason);
      }

      @Override
      public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) return;
        System.out.println("RESULT " + test.getDisplayName() + " " + result.getStatus() + " "
            + result.getThrowable().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
                .orElse("").replace('\n', '|'));
      }
    };
    // Without the framework tests' own session listener (AgentFirst), as in a user's build.
    LauncherConfig config =
        LauncherConfig.builder().enableLauncherSessionListenerAutoRegistration(false).build();
    LauncherFactory.create(config).execute(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(PassingScenarios.class), selectClass(FailingScenarios.class))
            .build(),
        printer);
  }
}
