package dev.baton.lincheck;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Runs one thread's operations on the instance under test and records each call and return.
 * Framework code, so recording is never a scheduling point: only the operations' own code is.
 */
final class ActorRunner implements Runnable {
  private final int thread;
  private final List<Actor> actors;
  private final Object instance;
  private final SpecTwin twin;
  private final History history;

  ActorRunner(int thread, List<Actor> actors, Object instance, SpecTwin twin, History history) {
    this.thread = thread;
    this.actors = actors;
    this.instance = instance;
    this.twin = twin;
    this.history = history;
  }

  @Override
  public void run() {
    for (Actor actor : actors) {
      Method m = twin.method(actor.operation().method());
      Object[] args = twin.arguments(actor.arguments());
      History.Operation op = history.called(thread, actor);
      OperationResult result;
      try {
        result = OperationResult.of(m.invoke(instance, args), m.getReturnType() == void.class);
      } catch (InvocationTargetException e) {
        result = result(e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot call " + m, e);
      }
      history.returned(op, result);
    }
  }

  /**
   * An exception an operation threw is its result, as in Lincheck; an error (an assertion of the
   * operation's own, a stack overflow, Baton unwinding the schedule) ends the run instead.
   */
  static OperationResult result(Throwable thrown) {
    if (thrown instanceof Exception) return OperationResult.thrown(thrown);
    if (thrown instanceof Error error) throw error;
    throw new IllegalStateException(thrown);
  }
}
