package dev.baton.scenarios;

import dev.baton.Scenario;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A private field written through a {@code VarHandle} found by its name, in a nest of its own (a
 * class that reaches fields by name makes the immutable-field rule give up for its whole nest).
 */
public final class HandleWrittenScenarios {
  private HandleWrittenScenarios() {}

  /** A state written through a VarHandle found by the field's name. */
  static final class HandleWritten {
    private static final VarHandle STATE;

    static {
      try {
        STATE = MethodHandles.lookup().findVarHandle(HandleWritten.class, "state", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private int state;

    HandleWritten() {
      state = 0;
    }

    void finish() {
      STATE.set(this, 1);
    }

    boolean readsStable() {
      int first = state;
      return first == state;
    }
  }

  /** Bug: a VarHandle write lands between the reader's two reads. */
  public static final class VarHandleWriter implements Scenario {
    @Override
    public void run() throws Exception {
      HandleWritten written = new HandleWritten();
      Scenarios.runAll(written::finish,
          () -> Scenarios.check(written.readsStable(), "the state changed between two reads"));
    }
  }
}
