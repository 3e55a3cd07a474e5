package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.runtime.Hooks;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the instrumentation tests: a fresh {@link TransformingLoader} per test, a
 * {@link RecordingDelegate} installed in {@link Hooks} around each test, and reflective helpers that
 * unwrap exceptions thrown by the samples.
 */
abstract class InstrumentedTestSupport {
  TransformingLoader loader;
  RecordingDelegate recorder;

  @BeforeEach
  void installRecorder() {
    loader = new TransformingLoader();
    recorder = new RecordingDelegate();
    Hooks.install(recorder);
  }

  @AfterEach
  void uninstallRecorder() {
    Hooks.install(null);
    assertThat(recorder.mismatches()).as("hooks called with sites of the wrong kind").isEmpty();
  }

  /**
   * Loads and initialises sample {@code simpleName} ({@code Account}, {@code Threads$Worker}) with
   * no delegate installed, so its static initialiser leaves no events behind.
   */
  Class<?> sample(String simpleName) throws ClassNotFoundException {
    Hooks.install(null);
    try {
      return Class.forName(TransformingLoader.SAMPLES + simpleName, true, loader);
    } finally {
      Hooks.install(recorder);
    }
  }

  Object construct(String simpleName, Object... args) throws Throwable {
    Class<?> type = sample(simpleName);
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (c.getParameterCount() == args.length && !c.isSynthetic()) {
        c.setAccessible(true);
        try {
          return c.newInstance(args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new NoSuchMethodException(simpleName + " constructor with " + args.length + " parameters");
  }

  Object call(Object target, String method, Object... args) throws Throwable {
    return invoke(target.getClass(), target, method, args);
  }

  Object callStatic(String simpleName, String method, Object... args) throws Throwable {
    return invoke(sample(simpleName), null, method, args);
  }

  /** Calls a static method of an already loaded sample, leaving the installed delegate alone. */
  Object callStatic(Class<?> type, String method, Object... args) throws Throwable {
    return invoke(type, null, method, args);
  }

  private static Object invoke(Class<?> type, Object target, String name, Object... args)
      throws Throwable {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(name) && m.getParameterCount() == args.length) {
          m.setAccessible(true);
          try {
            return m.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        }
      }
    }
    throw new NoSuchMethodException(type.getName() + "." + name);
  }

  static Object field(Object target, String name) throws ReflectiveOperationException {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(name);
  }

  /** The current thread's events, described ({@code WRITE Account.balance :21}). */
  List<String> described() {
    return describe(recorder.eventsOf(Thread.currentThread()));
  }

  static List<String> describe(List<RecordingDelegate.Event> events) {
    return events.stream().map(RecordingDelegate.Event::describe).toList();
  }

  /** The targets of the current thread's events, in order. */
  List<Object> targets() {
    return recorder.eventsOf(Thread.currentThread()).stream()
        .map(RecordingDelegate.Event::target)
        .toList();
  }

  /** The expected description of an event at marker {@code marker} of {@code samples/<file>.java}. */
  static String at(SiteKind kind, String detail, String file, String marker) {
    return kind + (detail.isEmpty() ? "" : " " + detail) + " :" + SourceLines.of(file, marker);
  }

  void clearEvents() {
    recorder.clear();
  }
}
