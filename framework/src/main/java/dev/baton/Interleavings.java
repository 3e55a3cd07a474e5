package dev.baton;

import dev.baton.config.Configuration;
import dev.baton.instrument.InstrumentedCode;
import dev.baton.instrument.InstrumentingClassLoader;
import dev.baton.scheduler.ConfiguredSettings;
import dev.baton.scheduler.ExplorationSettings;
import dev.baton.scheduler.Explorer;
import dev.baton.scheduler.ScenarioLoader;
import dev.baton.scheduler.ScheduleBody;
import dev.baton.scheduler.SearchSettings;
import dev.baton.scheduler.ShardPlan;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Explores a {@link Scenario} without an annotation: from a {@code main} method, or inside any
 * test to assert that a known-buggy program does fail.
 *
 * <pre>{@code
 * InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
 *     () -> Interleavings.configure().strategy(Strategy.PCT).schedules(500).explore(() -> {
 *       Account account = new Account(100);
 *       Thread a = new Thread(() -> account.charge(80)), b = new Thread(() -> account.charge(80));
 *       a.start(); b.start(); a.join(); b.join();
 *       if (account.balance() < 0) throw new AssertionError("overdrawn: " + account.balance());
 *     }));
 * }</pre>
 *
 * The scenario's code is re-loaded through Baton's instrumenting class loader, so it must build
 * its own state (see {@link Scenario}). The system properties {@code baton.schedules}, {@code
 * baton.strategy}, {@code baton.seed} and {@code baton.replay} override the options.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Interleavings {
  private Interleavings() {}

  /**
   * Explores {@code scenario} with the default options (1000 schedules, strategy {@link
   * Strategy#PORTFOLIO}); throws {@link InterleavingFailure} on the first failing schedule.
   */
  public static ExplorationResult explore(Scenario scenario) {
    return configure().explore(scenario);
  }

  /** Options for one exploration, starting from the defaults of {@link ExploreInterleavings}. */
  public static Options configure() {
    return new Options();
  }

  /**
   * Options of one programmatic exploration; each setter returns {@code this} and rejects a bad
   * value with an {@link IllegalArgumentException} that names it and the valid values.
   */
  public static final class Options {
    private final ExplorationSettings.Builder settings =
        ExplorationSettings.builder().strictReplay(true).annotated(false);
    private final SearchSettings.Builder search = SearchSettings.builder();

    private Options() {}

    /** See {@link ExploreInterleavings#schedules()}. */
    public Options schedules(int schedules) {
      settings.schedules(schedules);
      return this;
    }

    /** See {@link ExploreInterleavings#strategy()}. */
    public Options strategy(Strategy strategy) {
      settings.strategy(strategy);
      return this;
    }

    /** See {@link ExploreInterleavings#seed()}. */
    public Options seed(long seed) {
      settings.seed(seed);
      return this;
    }

    /** Replays a token (strictly: a token that no longer matches the code fails). */
    public Options replay(String token) {
      settings.replayToken(token);
      return this;
    }

    /** See {@link ExploreInterleavings#pctDepth()}. */
    public Options pctDepth(int pctDepth) {
      settings.pctDepth(pctDepth);
      return this;
    }

    /** See {@link ExploreInterleavings#maxSteps()}. */
    public Options maxSteps(int maxSteps) {
      settings.maxSteps(maxSteps);
      return this;
    }

    /** See {@link ExploreInterleavings#freshStatics()}. */
    public Options freshStatics(boolean freshStatics) {
      settings.freshStatics(freshStatics);
      return this;
    }

    /** See {@link ExploreInterleavings#maxPauseMillis()}. */
    public Options maxPauseMillis(long maxPauseMillis) {
      settings.maxPauseMillis(maxPauseMillis);
      return this;
    }

    /** See {@link ExploreInterleavings#spuriousWakeups()}. */
    public Options spuriousWakeups(boolean spuriousWakeups) {
      settings.spuriousWakeups(spuriousWakeups);
      return this;
    }

    /**
     * Wall-clock time the exploration may take (default ten minutes); when spent, it stops after
     * the current schedule and the result says how far it got. {@link java.time.Duration#ZERO}
     * means no limit.
     */
    public Options timeBudget(java.time.Duration budget) {
      settings.timeBudgetMillis(budget.toMillis());
      return this;
    }

    /**
     * Wall-clock time a thread may go without reaching a scheduling point (default 10 s) before
     * the schedule fails as blocked outside Baton's control (I/O, native code, an uninstrumented
     * lock), with every thread's stack.
     */
    public Options watchdog(java.time.Duration limit) {
      settings.watchdogMillis(limit.toMillis());
      return this;
    }

    /** See {@link ExploreInterleavings#maxPreemptions()}. */
    public Options maxPreemptions(int maxPreemptions) {
      search.maxPreemptions(maxPreemptions);
      return this;
    }

    /**
     * Whether {@link Strategy#EXHAUSTIVE} skips schedules that only reorder independent steps
     * (default true); false runs every schedule within the preemption bound.
     */
    public Options reduction(boolean reduction) {
      search.reduction(reduction);
      return this;
    }

    /** See {@link ExploreInterleavings#lenientReplay()}. */
    public Options lenientReplay(boolean lenient) {
      search.lenientReplay(lenient);
      return this;
    }

    /** See {@link ExploreInterleavings#failOnBudget()}. */
    public Options failOnBudget(boolean fail) {
      search.failOnBudget(fail);
      return this;
    }

    /**
     * How hard Baton tries to shorten a failing schedule before reporting it (default 200
     * schedules and 1 s); 0 attempts reports the schedule as found.
     */
    public Options shrink(int attempts, java.time.Duration limit) {
      search.shrinkAttempts(attempts).shrinkMillis(limit.toMillis());
      return this;
    }

    /**
     * Runs only shard {@code index} of {@code count} (1-based) of the schedules, as {@code
     * baton.shard=index/count} does: the shards together run exactly the schedules of the whole
     * exploration, each once, with the same numbers and replay tokens. Give every shard the same
     * seed and budget.
     *
     * @throws IllegalArgumentException unless {@code 1 <= index <= count}
     */
    public Options shard(int index, int count) {
      settings.shard(new ShardPlan(index, count));
      return this;
    }

    /**
     * How many schedules run at once, as {@code baton.parallelism} does (default 1; 0 uses every
     * core). The result, the failure reported (the one with the lowest schedule number) and its
     * token are those of a run one schedule at a time. Needs fresh static state; with {@code
     * freshStatics(false)} the schedules run one at a time.
     *
     * @throws IllegalArgumentException when {@code parallelism} is negative
     */
    public Options parallelism(int parallelism) {
      settings.parallelism(parallelism);
      return this;
    }

    /**
     * Explores {@code scenario}.
     *
     * @return what was explored, when no schedule failed
     * @throws InterleavingFailure for the first failing schedule
     * @throws IllegalArgumentException when the scenario or an option cannot be used; the message
     *     says why and how to fix it
     */
    public ExplorationResult explore(Scenario scenario) {
      if (scenario == null) throw new IllegalArgumentException("scenario is null");
      ConfiguredSettings config = new ConfiguredSettings(Configuration.fromSystemProperties());
      if (!config.problems().isEmpty()) {
        throw new IllegalArgumentException(String.join(" ", config.problems()));
      }
      ClassLoader parent = scenario.getClass().getClassLoader();
      InstrumentedCode code = InstrumentedCode.shared(parent, config.instrumentExclusions());
      LoadedScenario first = LoadedScenario.load(scenario, code.newLoader());
      ExplorationSettings declared = settings
          .scenarioId(first.id())
          .replayHint("mvn test -Dtest=" + callerClass().orElse(first.testClassSimpleName()))
          .search(search.build())
          .build();
      ExplorationSettings settings = config.apply(declared);
      // -Dbaton.replay names one scenario; every other one explores as usual, and says so.
      config.unusedReplayWarning().ifPresent(warning ->
          System.out.println(warning + " (" + first.id() + " explored as usual)"));
      boolean fresh = settings.freshStatics();
      // Values a lambda captures are shared by every schedule: schedules run at once would share
      // them too, so such a scenario runs its schedules one at a time.
      return Explorer.explore(settings, bodyOf(scenario, code, first, fresh),
          LoadedScenario.capturesValues(scenario) ? null
              : () -> bodyOf(scenario, code, LoadedScenario.load(scenario, code.newLoader()), fresh));
    }

    /**
     * Runs the first schedule with the scenario as already loaded; with {@code fresh}, a later one
     * loads it again in a new loader once the loader so far has defined a class with static state,
     * so that every schedule starts from fresh static state.
     */
    private static ScheduleBody bodyOf(
        Scenario scenario, InstrumentedCode code, LoadedScenario first, boolean fresh) {
      return new ScenarioLoader<>(first,
          fresh ? () -> LoadedScenario.load(scenario, code.newLoader()) : null);
    }
  }

  /**
   * The test to re-run for a replay, as {@code Class#method} for Surefire's {@code -Dtest}: the
   * outermost frame of the caller's own code, the one a test framework called (or {@code main}),
   * so that helper methods between the test and Baton do not count.
   */
  private static java.util.Optional<String> callerClass() {
    return StackWalker.getInstance()
        .walk(frames -> {
          StackWalker.StackFrame outermost = null;
          for (StackWalker.StackFrame f : (Iterable<StackWalker.StackFrame>) frames::iterator) {
            String name = f.getClassName();
            if (name.startsWith("dev.baton.Interleavings") || name.startsWith("org.assertj.")) {
              continue;
            }
            if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("org.junit.")
                || name.startsWith("sun.")) {
              if (outermost != null) break; // the test framework or reflection that called it
              continue;
            }
            outermost = f;
          }
          return java.util.Optional.ofNullable(outermost);
        })
        .map(f -> LoadedScenario.topLevel(f.getClassName())
            + (f.getMethodName().equals("main") || f.getMethodName().startsWith("lambda$")
                ? "" : "#" + f.getMethodName()));
  }

  /** A scenario's code found again in the instrumenting class loader. */
  private record LoadedScenario(
      String id, String testClassSimpleName, InstrumentingClassLoader loader, ScheduleBody body)
      implements ScenarioLoader.Loaded {

    @Override
    public void run() throws Throwable {
      body.run();
    }

    static LoadedScenario load(Scenario scenario, InstrumentingClassLoader loader) {
      SerializedLambda lambda = serializedForm(scenario);
      try {
        return lambda == null ? ofClass(scenario, loader) : ofLambda(lambda, loader);
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException(
            "Baton could not re-load the scenario " + scenario.getClass().getName()
                + " through its instrumenting class loader: " + e,
            e);
      }
    }

    /** Whether {@code scenario} is a lambda that captured values (shared by its schedules). */
    static boolean capturesValues(Scenario scenario) {
      SerializedLambda lambda = serializedForm(scenario);
      return lambda != null && lambda.getCapturedArgCount() > 0;
    }

    private static SerializedLambda serializedForm(Scenario scenario) {
      try {
        Method writeReplace = scenario.getClass().getDeclaredMethod("writeReplace");
        writeReplace.setAccessible(true);
        Object form = writeReplace.invoke(scenario);
        return form instanceof SerializedLambda s ? s : null;
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }

    private static LoadedScenario ofLambda(SerializedLambda lambda, InstrumentingClassLoader loader)
        throws ReflectiveOperationException {
      String className = lambda.getImplClass().replace('/', '.');
      Class<?> owner = Class.forName(className, false, loader);
      MethodType type = MethodType.fromMethodDescriptorString(lambda.getImplMethodSignature(), loader);
      Method method = owner.getDeclaredMethod(lambda.getImplMethodName(), type.parameterArray());
      method.setAccessible(true);
      boolean isStatic = Modifier.isStatic(method.getModifiers());
      Object[] captured = new Object[lambda.getCapturedArgCount()];
      for (int i = 0; i < captured.length; i++) {
        captured[i] = lambda.getCapturedArg(i);
        checkCapture(captured[i], className, i == 0 && !isStatic);
      }
      Object receiver = isStatic ? null : captured[0];
      Object[] args = isStatic ? captured : java.util.Arrays.copyOfRange(captured, 1, captured.length);
      ScheduleBody body = () -> invoke(method, receiver, args);
      String id = className + "#" + lambda.getImplMethodName();
      return new LoadedScenario(
          id, owner.getSimpleName().isEmpty() ? className : topLevel(className), loader, body);
    }

    private static LoadedScenario ofClass(Scenario scenario, InstrumentingClassLoader loader)
        throws ReflectiveOperationException {
      Class<?> original = scenario.getClass();
      if (original.isHidden() || original.isAnonymousClass() || original.isLocalClass()
          || (original.isMemberClass() && !Modifier.isStatic(original.getModifiers()))) {
        throw new IllegalArgumentException(
            "Baton cannot re-load the scenario " + original.getName() + ": write it as a lambda"
                + " (Scenario is Serializable, so lambdas can be re-loaded) or as a top-level or"
                + " static nested class with a no-argument constructor.");
      }
      Class<?> type = Class.forName(original.getName(), false, loader);
      Constructor<?> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      Method run = type.getMethod("run");
      ScheduleBody body = () -> invoke(run, newInstance(constructor), new Object[0]);
      return new LoadedScenario(
          original.getName() + "#run", topLevel(original.getName()), loader, body);
    }

    private static void checkCapture(Object value, String lambdaClass, boolean receiver) {
      if (value == null) return;
      Class<?> type = value.getClass();
      ClassLoader l = type.getClassLoader();
      boolean jdk = l == null || l == ClassLoader.getPlatformClassLoader();
      if (jdk) return;
      String what = receiver
          ? "it uses `this` (a field or method of " + type.getSimpleName() + ")"
          : "it captures a " + type.getName() + " created outside it";
      throw new IllegalArgumentException(
          "The scenario lambda in " + lambdaClass + " cannot be explored: " + what + ". Build"
              + " the objects it uses inside the lambda (every schedule needs fresh state) and"
              + " make the fields or methods it calls static, or pass values of JDK types.");
    }

    private static Object newInstance(Constructor<?> constructor) throws Throwable {
      try {
        return constructor.newInstance();
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    private static void invoke(Method method, Object receiver, Object[] args) throws Throwable {
      try {
        method.invoke(receiver, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    private static String topLevel(String className) {
      String simple = className.substring(className.lastIndexOf('.') + 1);
      int dollar = simple.indexOf('$');
      return dollar < 0 ? simple : simple.substring(0, dollar);
    }
  }
}
