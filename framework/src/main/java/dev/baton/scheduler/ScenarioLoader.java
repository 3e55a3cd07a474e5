package dev.baton.scheduler;

import dev.baton.instrument.InstrumentingClassLoader;
import dev.baton.runtime.Hooks;
import org.apiguardian.api.API;

/**
 * Runs the schedules of a scenario loaded through Baton's instrumenting class loaders: the first
 * schedule runs the scenario as loaded up front (so that a problem shows before exploring); with
 * fresh static state, a later schedule finds the static state as a new loader would define it:
 * reset in place while every class initialised so far allows that, else through a new loader. A
 * loader without such classes is kept as it is: loading costs more than a schedule, and a new
 * loader's code runs uncompiled.
 *
 * <p>One class for the engine's test methods and for {@code Interleavings}' scenarios, so that
 * both follow the same rule.
 *
 * @param <T> the scenario as one loader defines it
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ScenarioLoader<T extends ScenarioLoader.Loaded> implements ScheduleBody {
  private final Reload<T> reload;
  private T loaded;
  private boolean ran;

  /** A scenario as one class loader defines it. */
  public interface Loaded {
    /** The loader that defined the scenario's classes. */
    ClassLoader loader();

    /** Runs one schedule of the scenario. */
    void run() throws Throwable;
  }

  /** Loads the scenario again, through a new class loader. */
  @FunctionalInterface
  public interface Reload<T> {
    T load() throws ReflectiveOperationException;
  }

  /**
   * @param first the scenario as already loaded, for the first schedule
   * @param reload loads it in a new loader for fresh static state; null shares {@code first}'s
   *     loader with every schedule
   */
  public ScenarioLoader(T first, Reload<T> reload) {
    this.loaded = first;
    this.reload = reload;
  }

  @Override
  public void run() throws Throwable {
    if (ran && reload != null && needsNewLoader(loaded.loader())) {
      loaded = reload.load();
    }
    ran = true;
    // Code that loads classes through the context loader (ServiceLoader, frameworks) must see the
    // instrumented classes too; the threads the scenario starts inherit it.
    Thread.currentThread().setContextClassLoader(loaded.loader());
    loaded.run();
  }

  /**
   * Whether the schedule about to run on the calling thread needs a new loader rather than {@code
   * loader}, which ran the last one: {@code loader} defined a class whose static state that
   * schedule may have changed, and that state could not be put back in place as a new loader
   * would define it ({@link InstrumentingClassLoader#resetStaticState}), either because a class
   * cannot be reset so or because a thread of the last schedule is still alive. Call it from the
   * body of the schedule, before it runs code of {@code loader}.
   */
  public static boolean needsNewLoader(ClassLoader loader) {
    if (!(loader instanceof InstrumentingClassLoader l) || !l.definedStaticState()) return false;
    return !(MainThread.lastScheduleThreadsGone() && l.resetStaticState(Hooks::wasInitialised));
  }
}
