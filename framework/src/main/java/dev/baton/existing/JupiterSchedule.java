package dev.baton.existing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectIteration;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import dev.baton.scheduler.ScheduleBody;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.ClassSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.TestAbortedException;

/**
 * One schedule of an existing JUnit Jupiter test: JUnit Jupiter itself runs the one test method,
 * as loaded by Baton's instrumenting class loader, on the schedule's main managed thread. So the
 * class's {@code @BeforeAll}/{@code @AfterAll}, {@code @BeforeEach}/{@code @AfterEach}, extensions,
 * parameter resolvers ({@code TestInfo}, {@code @TempDir}), {@code @Nested} classes and every
 * invocation of a parameterized test run in every schedule exactly as Jupiter runs them, and only
 * the threads the test starts are interleaved. A {@code @RepeatedTest} runs its first repetition
 * only: the schedules are its repetitions, each one different.
 *
 * <p>The first failure Jupiter reports (the test's, or a lifecycle method's) fails the schedule. A
 * test Jupiter skips or aborts (a failed assumption, {@code @Disabled}) throws opentest4j's {@link
 * TestAbortedException}, which the engine reports as an aborted test.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JupiterSchedule implements ScheduleBody {
  /** The id of Jupiter's engine, as in {@code [engine:junit-jupiter]}. */
  public static final String JUPITER_ENGINE_ID = "junit-jupiter";

  private final Class<?> discoveredClass;
  private final Method discoveredMethod;
  private final Map<String, String> configuration;
  private final UnaryOperator<ClassLoader> nextLoader;
  private final Launcher launcher;
  private ClassLoader loader;
  private boolean ran;

  /**
   * @param firstLoader the instrumenting loader of the first schedule
   * @param nextLoader the loader of the next schedule, given the last one's (itself, or a new one
   *     when the last one defined classes with static state)
   * @param discoveredClass the test class as discovery loaded it
   * @param discoveredMethod the test method as discovery found it
   * @param configuration JUnit configuration parameters to run Jupiter with
   */
  public JupiterSchedule(
      ClassLoader firstLoader,
      UnaryOperator<ClassLoader> nextLoader,
      Class<?> discoveredClass,
      Method discoveredMethod,
      Map<String, String> configuration) {
    this.loader = firstLoader;
    this.nextLoader = nextLoader;
    this.discoveredClass = discoveredClass;
    this.discoveredMethod = discoveredMethod;
    this.configuration = Map.copyOf(configuration);
    this.launcher = jupiterOnlyLauncher(discoveredClass.getClassLoader());
  }

  @Override
  public void run() throws Throwable {
    if (ran) loader = nextLoader.apply(loader);
    ran = true;
    Thread.currentThread().setContextClassLoader(loader);
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selector())
            .configurationParameters(configuration)
            // One test on one managed thread: Jupiter's own worker pool would run it elsewhere.
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
            // A @Timeout is a wall-clock guard: under Baton a timed wait is a scheduling decision
            // in virtual time, and hangs are the watchdog's and the deadlock check's job.
            .configurationParameter("junit.jupiter.execution.timeout.mode", "disabled")
            .build();
    Outcome outcome = new Outcome();
    launcher.execute(request, outcome);
    outcome.rethrow(discoveredClass.getName() + "#" + discoveredMethod.getName());
  }

  private DiscoverySelector selector() throws ClassNotFoundException {
    DiscoverySelector method = methodSelector();
    return ExistingTests.isRepeatedTest(discoveredMethod) ? selectIteration(method, 0) : method;
  }

  private DiscoverySelector methodSelector() throws ClassNotFoundException {
    String parameters =
        ClassSupport.nullSafeToString(Class::getName, discoveredMethod.getParameterTypes());
    Class<?> testClass = Class.forName(discoveredClass.getName(), false, loader);
    if (!ExistingTests.isNestedClass(discoveredClass)) {
      return selectMethod(testClass, discoveredMethod.getName(), parameters);
    }
    List<Class<?>> enclosing = new ArrayList<>();
    for (Class<?> c = discoveredClass.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
      enclosing.add(0, Class.forName(c.getName(), false, loader));
    }
    return selectNestedMethod(enclosing, testClass, discoveredMethod.getName(), parameters);
  }

  /**
   * A launcher that knows Jupiter's engine only, with nothing registered from {@code
   * META-INF/services}: not Baton's engine, not the filter that hands these tests to Baton.
   */
  private static Launcher jupiterOnlyLauncher(ClassLoader testLoader) {
    TestEngine jupiter = null;
    try {
      for (TestEngine engine : ServiceLoader.load(TestEngine.class, testLoader)) {
        if (JUPITER_ENGINE_ID.equals(engine.getId())) jupiter = engine;
      }
    } catch (ServiceConfigurationError e) {
      // another engine that cannot load; Jupiter's may still be there
    }
    if (jupiter == null) {
      throw new IllegalStateException(
          "this is a JUnit Jupiter test, but JUnit Jupiter's engine is not on the test class path."
              + " Fix: add org.junit.jupiter:junit-jupiter (test scope).");
    }
    return LauncherFactory.create(
        LauncherConfig.builder()
            .enableTestEngineAutoRegistration(false)
            .enableLauncherSessionListenerAutoRegistration(false)
            .enableLauncherDiscoveryListenerAutoRegistration(false)
            .enablePostDiscoveryFilterAutoRegistration(false)
            .enableTestExecutionListenerAutoRegistration(false)
            .addTestEngines(jupiter)
            .build());
  }

  /** What Jupiter reported for one schedule. */
  private static final class Outcome implements TestExecutionListener {
    private Throwable failure;
    private Throwable aborted;
    private String skipped;
    private int tests;

    @Override
    public void executionStarted(TestIdentifier id) {
      if (id.isTest()) tests++;
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
      if (skipped == null) skipped = reason;
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      Throwable thrown = result.getThrowable().orElse(null);
      switch (result.getStatus()) {
        case FAILED -> {
          if (failure == null) {
            failure = thrown != null ? thrown : new AssertionError(id.getDisplayName() + " failed");
          }
        }
        case ABORTED -> {
          if (aborted == null) {
            aborted = thrown != null ? thrown : new TestAbortedException(id.getDisplayName());
          }
        }
        default -> {}
      }
    }

    void rethrow(String test) throws Throwable {
      if (failure != null) throw failure;
      if (aborted != null) throw aborted;
      if (tests == 0) {
        throw skipped != null
            ? new TestAbortedException("JUnit Jupiter skipped " + test + ": " + skipped)
            : new ExistingTestNotRunnable("JUnit Jupiter found no test to run for " + test
                + " (is it a void, non-static, non-private test method?)", null);
      }
    }
  }
}
