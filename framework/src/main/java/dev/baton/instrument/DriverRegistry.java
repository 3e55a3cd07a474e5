package dev.baton.instrument;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * JDBC's {@code DriverManager} from the inside: its list of registered drivers (each entry a
 * package-private {@code DriverInfo}, kept whole so that a driver's {@code DriverAction} goes back
 * with it) and its once-per-JVM driver loading. Reachable because Baton's agent opens {@code
 * java.sql} to Baton ({@link BatonAgent}); the names are those of JDK 17 to 25.
 *
 * <p>Why not {@code DriverManager.deregisterDriver}: it lets only a caller whose loader sees the
 * driver's class remove it, and answers any other caller with a {@code SecurityException}.
 */
final class DriverRegistry {
  /** Null until opened: an attempt before Baton's agent opened {@code java.sql} is tried again. */
  private static volatile DriverRegistry opened;

  private final CopyOnWriteArrayList<Object> entries;
  private final Field driverOfEntry;
  private final Method ensureDriversInitialized;

  private DriverRegistry(
      CopyOnWriteArrayList<Object> entries, Field driverOfEntry, Method ensureDriversInitialized) {
    this.entries = entries;
    this.driverOfEntry = driverOfEntry;
    this.ensureDriversInitialized = ensureDriversInitialized;
  }

  /** The registry, or empty when {@code java.sql} is not open to Baton (no agent, another JDK). */
  static Optional<DriverRegistry> open() {
    DriverRegistry known = opened;
    if (known == null) {
      known = tryOpen().orElse(null);
      opened = known;
    }
    return Optional.ofNullable(known);
  }

  @SuppressWarnings("unchecked")
  private static Optional<DriverRegistry> tryOpen() {
    try {
      Class<?> manager = Class.forName("java.sql.DriverManager");
      Field list = manager.getDeclaredField("registeredDrivers");
      list.setAccessible(true);
      Field driver = Class.forName("java.sql.DriverInfo").getDeclaredField("driver");
      driver.setAccessible(true);
      Method ensure = manager.getDeclaredMethod("ensureDriversInitialized");
      ensure.setAccessible(true);
      return Optional.of(new DriverRegistry(
          (CopyOnWriteArrayList<Object>) list.get(null), driver, ensure));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Runs {@code DriverManager}'s own driver loading now, if it has not run in this JVM yet. */
  void ensureDriversInitialized() {
    try {
      ensureDriversInitialized.invoke(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("DriverManager could not load its drivers", e.getCause());
    }
  }

  /** The registered entries, in registration order. */
  List<Object> entries() {
    return List.copyOf(entries);
  }

  /** The driver of one entry. */
  Driver driverOf(Object entry) {
    try {
      return (Driver) driverOfEntry.get(entry);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every registered driver, in registration order. */
  List<Driver> drivers() {
    List<Driver> drivers = new ArrayList<>();
    for (Object entry : entries) drivers.add(driverOf(entry));
    return drivers;
  }

  void remove(Collection<Object> removed) {
    entries.removeAll(removed);
  }

  /** Registers {@code restored} (entries removed before) again, after the ones registered now. */
  void restore(Collection<Object> restored) {
    entries.addAllAbsent(restored);
  }
}
