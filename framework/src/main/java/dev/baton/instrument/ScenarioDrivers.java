package dev.baton.instrument;

import java.sql.Driver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * JDBC's {@code DriverManager} in every schedule. {@code DriverManager} is the JDK's, one per JVM:
 * it loads the drivers of {@code META-INF/services/java.sql.Driver} once, through the context
 * class loader of its first caller, and hands a caller only drivers whose class its caller's
 * loader sees as the same class. Baton defines the scenario's classes, drivers included, afresh in
 * a new loader for a schedule with fresh static state; without help, the second schedule would get
 * "No suitable driver", and every loader would stay reachable from {@code DriverManager}'s list.
 *
 * <p>So, just before scenario code asks {@code DriverManager} for a connection or a driver (see
 * {@link DriverLookupAdapter}), the registry is made what that schedule would see in a JVM of its
 * own: the drivers of the caller's scenario loader are registered, loaded the way {@code
 * DriverManager} loads them (its services and the {@code jdbc.drivers} property), once per loader;
 * the drivers of other scenario loaders that no live thread uses any more are moved out of the
 * registry, kept by their own loader (so that they go with it, or come back if that loader asks
 * again); drivers of the application's own loaders are left alone. This runs between
 * class-initialiser hooks: none of it is a step of the schedule, so a schedule takes the same
 * steps whether or not it is the first in the JVM to use JDBC, and in a replay.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ScenarioDrivers {
  private static volatile boolean warned;

  private ScenarioDrivers() {}

  /** What {@code DriverManager} knows of one scenario loader's drivers; guarded by the class. */
  static final class OfLoader {
    private boolean loaded;
    private final List<Object> movedOut = new ArrayList<>();

    /**
     * Whether code of this loader used {@code DriverManager}: what it registered there outlives
     * a reset of the loader's static state, not a new loader.
     */
    boolean used() {
      synchronized (ScenarioDrivers.class) {
        return loaded;
      }
    }
  }

  /**
   * Called by instrumented code just before it calls a lookup of {@code DriverManager}.
   *
   * @param caller the calling class, or null to go by the context class loader
   */
  public static void beforeLookup(Class<?> caller) {
    ClassLoader loader = caller != null ? caller.getClassLoader() : null;
    if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
      loader = Thread.currentThread().getContextClassLoader(); // as DriverManager does
    }
    InstrumentingClassLoader scenario =
        loader == null ? null : RuntimeDefinedClasses.scenarioLoaderOf(loader);
    if (scenario == null) return;
    try {
      synchronized (ScenarioDrivers.class) {
        prepare(scenario);
      }
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError e) throw e;
      warnOnce(t);
    }
  }

  private static void prepare(InstrumentingClassLoader scenario) {
    DriverRegistry registry = DriverRegistry.open().orElse(null);
    OfLoader own = scenario.jdbcDrivers();
    if (registry != null) {
      // Its first run in the JVM loads drivers (and runs their constructors): here, not as steps.
      registry.ensureDriversInitialized();
      registry.restore(own.movedOut);
      own.movedOut.clear();
    }
    if (!own.loaded) {
      own.loaded = true;
      loadDrivers(scenario);
    }
    if (registry != null) moveOutUnused(registry, scenario);
  }

  /** Loads the drivers {@code DriverManager} would load, through {@code loader}. */
  private static void loadDrivers(ClassLoader loader) {
    Iterator<Driver> drivers = ServiceLoader.load(Driver.class, loader).iterator();
    while (true) {
      try {
        if (!drivers.hasNext()) break;
        drivers.next(); // a driver registers itself as its class is initialised
      } catch (ServiceConfigurationError broken) {
        // as DriverManager: a driver that cannot be loaded is not registered
      }
    }
    String named = System.getProperty("jdbc.drivers");
    if (named == null || named.isBlank()) return;
    for (String name : named.split(":")) {
      try {
        Class.forName(name.strip(), true, loader);
      } catch (ClassNotFoundException | LinkageError notThere) {
        // as DriverManager: skipped
      }
    }
  }

  /**
   * Moves out of the registry the drivers of scenario loaders other than {@code current} that no
   * live thread has as its context class loader (schedules run at once each have their own).
   */
  private static void moveOutUnused(DriverRegistry registry, InstrumentingClassLoader current) {
    Set<InstrumentingClassLoader> inUse = null;
    List<Object> removed = new ArrayList<>();
    for (Object entry : registry.entries()) {
      ClassLoader of = registry.driverOf(entry).getClass().getClassLoader();
      InstrumentingClassLoader owner = of == null ? null : RuntimeDefinedClasses.scenarioLoaderOf(of);
      if (owner == null || owner == current) continue;
      if (inUse == null) inUse = scenarioLoadersInUse();
      if (inUse.contains(owner)) continue;
      owner.jdbcDrivers().movedOut.add(entry);
      removed.add(entry);
    }
    registry.remove(removed);
  }

  private static Set<InstrumentingClassLoader> scenarioLoadersInUse() {
    Set<InstrumentingClassLoader> inUse = Collections.newSetFromMap(new IdentityHashMap<>());
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) root = root.getParent();
    Thread[] threads = new Thread[root.activeCount() * 2 + 16];
    int count = root.enumerate(threads, true);
    for (int i = 0; i < count; i++) {
      ClassLoader context = threads[i].getContextClassLoader();
      InstrumentingClassLoader scenario =
          context == null ? null : RuntimeDefinedClasses.scenarioLoaderOf(context);
      if (scenario != null) inUse.add(scenario);
    }
    return inUse;
  }

  private static void warnOnce(Throwable t) {
    if (warned) return;
    warned = true;
    System.out.println("[baton] could not prepare JDBC's DriverManager for this schedule's class"
        + " loader; a lookup may answer \"No suitable driver\": " + t);
  }
}
