package dev.baton.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where execution fixtures record what ran. It lives in {@code dev.baton.engine}, a package the
 * instrumenting class loader leaves to its parent, so the instrumented fixtures and the tests see
 * the same class and the same list; a static field of a fixture would exist twice.
 */
public final class EventLog {
  private static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());

  private EventLog() {}

  public static void record(String event) {
    EVENTS.add(event);
  }

  public static List<String> events() {
    synchronized (EVENTS) {
      return List.copyOf(EVENTS);
    }
  }

  public static void clear() {
    EVENTS.clear();
  }
}
