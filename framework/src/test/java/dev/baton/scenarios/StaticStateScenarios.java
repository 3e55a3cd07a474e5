package dev.baton.scenarios;

import java.util.Set;

/** Scenarios about static state across schedules (see {@link StaticStateTest}). */
public final class StaticStateScenarios {
  private StaticStateScenarios() {}

  /** Static state of its own: a lazily created singleton with a counter. */
  static final class Registry {
    private static Registry instance;
    private int registered;

    static synchronized Registry get() {
      if (instance == null) instance = new Registry();
      return instance;
    }

    synchronized int register() {
      return ++registered;
    }
  }

  /** Correct only when the registry starts empty in every schedule. */
  public static void registerTwice() throws InterruptedException {
    Thread a = new Thread(() -> Registry.get().register());
    a.start();
    Registry.get().register();
    a.join();
    int count = Registry.get().register() - 1;
    if (count != 2) throw new AssertionError("registered " + count + " times, expected 2");
  }

  /** Records the loader of the scenario's classes; uses no static state of its own. */
  public static void recordLoaderOfStatelessCode(Set<ClassLoader> loaders) {
    loaders.add(StaticStateScenarios.class.getClassLoader());
  }

  /** Records the loader, then uses a class with static state, which must start empty. */
  public static void recordLoaderOfStatefulCode(Set<ClassLoader> loaders) {
    loaders.add(StaticStateScenarios.class.getClassLoader());
    int registered = Registry.get().register();
    if (registered != 1) throw new AssertionError("registered " + registered + " times before");
  }
}
