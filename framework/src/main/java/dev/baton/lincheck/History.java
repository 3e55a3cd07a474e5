package dev.baton.lincheck;

import java.util.ArrayList;
import java.util.List;

/**
 * The calls and returns of one run of a scenario, in the order they happened. Under Baton's
 * scheduler only one thread runs at a time and recording is not a scheduling point, so a call is
 * recorded before the operation's first step and its return after its last: the order here is the
 * real-time order that linearizability is defined on.
 */
final class History {
  /** One operation of the run: who ran it, what, when it was called and returned, what it gave. */
  static final class Operation {
    final int thread;
    final Actor actor;
    final int call;
    int ret = -1;
    OperationResult result;

    Operation(int thread, Actor actor, int call) {
      this.thread = thread;
      this.actor = actor;
      this.call = call;
    }

    boolean completed() {
      return ret >= 0;
    }

    /** {@code inc(): 1}, as Lincheck prints it. */
    @Override
    public String toString() {
      return actor + ": " + (completed() ? result : "(no return)");
    }
  }

  private final List<Operation> operations = new ArrayList<>();
  private int events;

  /** Records the call of {@code actor} by thread {@code thread}; returns its operation. */
  synchronized Operation called(int thread, Actor actor) {
    Operation op = new Operation(thread, actor, events++);
    operations.add(op);
    return op;
  }

  /** Records that {@code op} returned {@code result}. */
  synchronized void returned(Operation op, OperationResult result) {
    op.result = result;
    op.ret = events++;
  }

  synchronized List<Operation> operations() {
    return List.copyOf(operations);
  }
}
