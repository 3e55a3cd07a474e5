package dev.baton.existing;

import dev.baton.scheduler.ScheduleBody;
import java.lang.reflect.Method;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;
import org.junit.runner.Description;
import org.junit.runner.JUnitCore;
import org.junit.runner.Request;
import org.junit.runner.Result;
import org.junit.runner.RunWith;
import org.junit.runner.Runner;
import org.junit.runner.manipulation.Filter;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunListener;
import org.junit.runners.BlockJUnit4ClassRunner;
import org.junit.runners.model.FrameworkMethod;
import org.junit.runners.model.InitializationError;
import org.junit.runners.model.Statement;
import org.opentest4j.TestAbortedException;

/**
 * One schedule of an existing JUnit 4 test: JUnit 4 itself runs the one test method, as loaded by
 * Baton's instrumenting class loader, on the schedule's main managed thread, so its class's runner
 * ({@code @RunWith}), rules, {@code @Before}/{@code @After} and {@code @BeforeClass}/{@code
 * @AfterClass} run in every schedule as JUnit 4 runs them.
 *
 * <p>The first failure fails the schedule. A failed assumption or an {@code @Ignore}d test throws
 * opentest4j's {@link TestAbortedException}, which the engine reports as an aborted test.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JUnit4Schedule implements ScheduleBody {
  private final Class<?> discoveredClass;
  private final Method discoveredMethod;
  private final UnaryOperator<ClassLoader> nextLoader;
  private ClassLoader loader;
  private boolean ran;

  /**
   * @param firstLoader the instrumenting loader of the first schedule
   * @param nextLoader the loader of the next schedule, given the last one's
   * @param discoveredClass the test class as discovery loaded it
   * @param discoveredMethod the test method as discovery found it
   */
  public JUnit4Schedule(
      ClassLoader firstLoader,
      UnaryOperator<ClassLoader> nextLoader,
      Class<?> discoveredClass,
      Method discoveredMethod) {
    this.loader = firstLoader;
    this.nextLoader = nextLoader;
    this.discoveredClass = discoveredClass;
    this.discoveredMethod = discoveredMethod;
  }

  @Override
  public void run() throws Throwable {
    if (ran) loader = nextLoader.apply(loader);
    ran = true;
    Thread.currentThread().setContextClassLoader(loader);
    Class<?> testClass = Class.forName(discoveredClass.getName(), false, loader);
    JUnitCore core = new JUnitCore();
    Assumptions assumptions = new Assumptions();
    core.addListener(assumptions);
    String test = discoveredClass.getName() + "#" + discoveredMethod.getName();
    Runner runner;
    try {
      runner = runnerFor(testClass);
    } catch (InitializationError e) {
      throw new ExistingTestNotRunnable("JUnit 4 cannot run " + test + ": " + e.getCauses(), e);
    }
    Result result = core.run(
        Request.runner(runner).filterWith(new SameMethod(discoveredMethod.getName())));
    if (!result.getFailures().isEmpty()) {
      Failure first = result.getFailures().get(0);
      // JUnit 4 reports a class or filter it cannot run as a failure of "initializationError".
      if ("initializationError".equals(first.getDescription().getMethodName())) {
        throw new ExistingTestNotRunnable("JUnit 4 cannot run " + test + ": "
            + first.getException(), first.getException());
      }
      throw first.getException();
    }
    if (assumptions.first != null) throw new TestAbortedException(test, assumptions.first);
    if (result.getRunCount() == 0) {
      throw new TestAbortedException("JUnit 4 did not run " + test
          + (result.getIgnoreCount() > 0 ? ": it is @Ignore'd" : ""));
    }
  }

  /**
   * The class's runner: its {@code @RunWith}, else JUnit 4's default without {@code @Test(timeout
   * = ...)}, a wall-clock guard that under Baton would be a timed wait in virtual time (hangs are
   * the watchdog's and the deadlock check's job).
   */
  private static Runner runnerFor(Class<?> testClass) throws InitializationError {
    if (testClass.isAnnotationPresent(RunWith.class)) {
      return Request.aClass(testClass).getRunner();
    }
    return new BlockJUnit4ClassRunner(testClass) {
      @Override
      @SuppressWarnings("deprecation")
      protected Statement withPotentialTimeout(FrameworkMethod method, Object test, Statement next) {
        return next;
      }
    };
  }

  /** Selects the test's method, and every parameterized instance of it ({@code counts[0]}). */
  private static final class SameMethod extends Filter {
    private final String name;

    SameMethod(String name) {
      this.name = name;
    }

    @Override
    public boolean shouldRun(Description description) {
      if (description.isTest()) {
        String method = description.getMethodName();
        if (method == null) return false;
        int bracket = method.indexOf('[');
        return (bracket < 0 ? method : method.substring(0, bracket)).equals(name);
      }
      for (Description child : description.getChildren()) {
        if (shouldRun(child)) return true;
      }
      return false;
    }

    @Override
    public String describe() {
      return "method " + name;
    }
  }

  /** The first failed assumption: JUnit 4 counts the test as run, and passed. */
  private static final class Assumptions extends RunListener {
    private Throwable first;

    @Override
    public void testAssumptionFailure(Failure failure) {
      if (first == null) first = failure.getException();
    }

    @Override
    public void testStarted(Description description) {}
  }
}
