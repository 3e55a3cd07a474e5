package dev.baton.jcstress;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Strategy;
import dev.baton.engine.BatonConfiguration;
import dev.baton.instrument.InstrumentedCode;
import dev.baton.instrument.InstrumentingClassLoader;
import dev.baton.scheduler.ExplorationSettings;
import dev.baton.scheduler.Explorer;
import dev.baton.scheduler.ScenarioLoader;
import dev.baton.scheduler.ScheduleBody;
import dev.baton.scheduler.ScheduleSupport;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Result;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.StateCase;
import org.openjdk.jcstress.infra.TestInfo;

/**
 * Runs a JCStress test's actors, then its arbiter, under Baton's scheduler with exhaustive
 * exploration, in Baton's instrumenting class loader, and collects every outcome an interleaving
 * of the actors can produce: sequential consistency, without the reorderings the Java Memory
 * Model allows. An observed outcome outside that set needs a reordering. A FORBIDDEN outcome
 * inside it is a plain race, and a second, failing exploration gives its trace and replay token.
 */
final class InterleavingAnalysis {
  /**
   * What the analysis found.
   *
   * @param outcomes every outcome reached, in the order first reached
   * @param complete whether every interleaving was explored (else the budget ran out first)
   * @param schedules how many interleavings ran
   * @param forbidden the failing schedule that reaches a forbidden outcome, or null
   * @param skipped why the analysis did not run, or null
   * @param replayed whether a {@code baton.replay} token was replayed instead of exploring
   */
  record Reachable(
      Set<String> outcomes, boolean complete, int schedules, InterleavingFailure forbidden,
      String skipped, boolean replayed) {
    static Reachable skipped(String why) {
      return new Reachable(Set.of(), false, 0, null, why, false);
    }
  }

  private final TestInfo info;
  private final Class<?> discovered;
  /** Where the harness joins the actors, for the trace; registered once per analysis. */
  private final ScheduleSupport.JoinPoint joinSite;

  InterleavingAnalysis(TestInfo info, Class<?> discovered) {
    this.info = info;
    this.discovered = discovered;
    this.joinSite = ScheduleSupport.joinPoint(discovered.getName(), "actors", "JCStress harness");
  }

  /** The id replay tokens of this test carry. */
  static String scenarioId(Class<?> testClass) {
    return testClass.getName() + "#jcstress";
  }

  /** How {@code info} grades {@code outcome}, by JCStress's own matching. */
  static ObservedTest.Grade grade(TestInfo info, String outcome) {
    for (StateCase c : info.cases()) {
      if (c.matches(outcome)) return ResultFile.grade(c.expect(), c.description());
    }
    StateCase unmatched = info.unmatched();
    return ResultFile.grade(unmatched.expect(), unmatched.description());
  }

  Reachable run(BatonConfiguration configuration, int maxSchedules) {
    JCStressTest test = discovered.getAnnotation(JCStressTest.class);
    if (test != null && test.value() == Mode.Termination) {
      return Reachable.skipped("termination tests (a @Signal interrupting a blocked actor) are"
          + " not analysed");
    }
    ExplorationSettings settings = settings(configuration, maxSchedules);
    InstrumentedCode code =
        InstrumentedCode.shared(loaderOf(discovered), configuration.instrumentExclusions());
    boolean replaying = settings.replayToken() != null;
    Set<String> reached = new LinkedHashSet<>();
    ExplorationResult result = null;
    if (!replaying) {
      // Enumerate: no schedule fails, so the exploration visits every interleaving.
      result = Explorer.explore(settings, body(code, reached, false));
      if (reached.stream().noneMatch(o -> grade(info, o).forbidden())) {
        return new Reachable(reached, result.complete(), result.schedules(), null, null, false);
      }
    }
    // Find (or replay) the first forbidden outcome as a failing schedule: trace and token.
    try {
      ExplorationResult replayed =
          Explorer.explore(settings, body(code, replaying ? reached : new LinkedHashSet<>(), true));
      if (result == null) result = replayed;
    } catch (InterleavingFailure failure) {
      return new Reachable(reached, result != null && result.complete(),
          result == null ? 1 : result.schedules(), failure, null, replaying);
    }
    return new Reachable(reached, result.complete(), result.schedules(), null, null, replaying);
  }

  /**
   * The class as Surefire's {@code -Dtest} matches it: {@code Outer$Nested} for a nested test (its
   * simple name matches nothing), quoted for the shell.
   */
  private static String surefireName(Class<?> c) {
    String name = c.getName().substring(c.getName().lastIndexOf('.') + 1);
    return name.contains("$") ? "'" + name + "'" : name;
  }

  private ExplorationSettings settings(BatonConfiguration configuration, int maxSchedules) {
    String id = scenarioId(discovered);
    ExplorationSettings declared = ExplorationSettings.builder()
        .scenarioId(id)
        // The interleavings mode replays in seconds: no JCStress batch.
        .replayHint("mvn test -Dtest=" + surefireName(discovered) + " -D" + JCStressOptions.MODE
            + "=interleavings")
        .strategy(Strategy.EXHAUSTIVE)
        .schedules(maxSchedules)
        .maxPauseMillis(0)
        .build();
    // Only the replay token and the limits come from configuration: the strategy and budget are
    // the point of the analysis and stay exhaustive.
    ExplorationSettings o = configuration.override(declared);
    return declared.toBuilder()
        .replayToken(o.replayToken())
        .strictReplay(o.strictReplay())
        .maxSteps(o.maxSteps())
        .freshStatics(o.freshStatics())
        .watchdogMillis(o.watchdogMillis())
        .timeBudgetMillis(o.timeBudgetMillis())
        .report(o.report())
        .build();
  }

  private static ClassLoader loaderOf(Class<?> c) {
    return c.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : c.getClassLoader();
  }

  /**
   * One schedule: a fresh test instance, states and result; the actors on threads of their own;
   * the arbiter after them; the result's {@code toString()} is the outcome, formatted as JCStress
   * formats it.
   */
  private ScheduleBody body(InstrumentedCode code, Set<String> reached, boolean failOnForbidden) {
    return new ScheduleBody() {
      private Shape shape;

      @Override
      public void run() throws Throwable {
        if (shape == null || ScenarioLoader.needsNewLoader(shape.loader)) {
          shape = Shape.load(code.newLoader(), discovered.getName(), info.actorNames(), joinSite);
        }
        String outcome = shape.runOnce();
        reached.add(outcome);
        ObservedTest.Grade grade = grade(info, outcome);
        if (failOnForbidden && grade.forbidden()) {
          throw new AssertionError("JCStress outcome [" + outcome + "] is " + grade.expect()
              + (grade.description().isEmpty() ? "" : " (" + grade.description() + ")")
              + ", and this interleaving produces it");
        }
      }
    };
  }

  /** The test's members as one instrumenting loader defines them. */
  private static final class Shape {
    final InstrumentingClassLoader loader;
    final Constructor<?> testConstructor;
    final Class<?> testClass;
    final List<Method> actors;
    final Method arbiter;
    final ScheduleSupport.JoinPoint joinSite;

    private Shape(InstrumentingClassLoader loader, Class<?> testClass, List<Method> actors,
        Method arbiter, ScheduleSupport.JoinPoint joinSite) throws ReflectiveOperationException {
      this.loader = loader;
      this.joinSite = joinSite;
      this.testClass = testClass;
      this.testConstructor = accessible(testClass.getDeclaredConstructor());
      this.actors = actors;
      this.arbiter = arbiter;
    }

    static Shape load(InstrumentingClassLoader loader, String name, List<String> actorNames,
        ScheduleSupport.JoinPoint joinSite) throws ReflectiveOperationException {
      Class<?> testClass = Class.forName(name, false, loader);
      Map<String, Method> byName = new HashMap<>();
      Method arbiter = null;
      for (Method m : testClass.getDeclaredMethods()) {
        if (m.isAnnotationPresent(Actor.class)) byName.put(m.getName(), accessible(m));
        if (m.isAnnotationPresent(Arbiter.class)) arbiter = accessible(m);
      }
      List<Method> actors = new ArrayList<>();
      for (String actor : actorNames) {
        Method m = byName.get(actor);
        if (m == null) {
          throw new IllegalStateException("the actor " + actor + " of " + name
              + " is not a method of the class; recompile the tests so that JCStress's generated"
              + " test list matches them");
        }
        actors.add(m);
      }
      return new Shape(loader, testClass, actors, arbiter, joinSite);
    }

    String runOnce() throws Throwable {
      Object test = testConstructor.newInstance();
      Map<Class<?>, Object> objects = new HashMap<>();
      objects.put(testClass, test);
      List<Thread> threads = new ArrayList<>();
      for (Method actor : actors) {
        Object[] args = arguments(actor, objects);
        threads.add(new Thread(() -> invoke(actor, test, args), actor.getName()));
      }
      for (Thread t : threads) t.start();
      // This class is not instrumented: join through the hook, as rewritten user code would.
      for (Thread t : threads) joinSite.join(t);
      if (arbiter != null) invoke(arbiter, test, arguments(arbiter, objects));
      Object result = null;
      for (Object o : objects.values()) {
        if (o.getClass().isAnnotationPresent(Result.class)) result = o;
      }
      return String.valueOf(result);
    }

    /** One object per parameter type, shared by actors and arbiter, as JCStress does. */
    private static Object[] arguments(Method m, Map<Class<?>, Object> objects)
        throws ReflectiveOperationException {
      Class<?>[] types = m.getParameterTypes();
      Object[] args = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        Class<?> type = types[i];
        if (!type.isAnnotationPresent(Result.class) && !type.isAnnotationPresent(State.class)) {
          throw new IllegalStateException(m.getName() + " takes a " + type.getName()
              + ", which is neither a @State nor a @Result class");
        }
        Object existing = objects.get(type);
        if (existing == null) {
          existing = accessible(type.getDeclaredConstructor()).newInstance();
          objects.put(type, existing);
        }
        args[i] = existing;
      }
      return args;
    }

    private static void invoke(Method m, Object receiver, Object[] args) {
      try {
        m.invoke(java.lang.reflect.Modifier.isStatic(m.getModifiers()) ? null : receiver, args);
      } catch (InvocationTargetException e) {
        throw InterleavingAnalysis.<RuntimeException>sneaky(e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    private static <T extends java.lang.reflect.AccessibleObject> T accessible(T member) {
      member.setAccessible(true);
      return member;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
