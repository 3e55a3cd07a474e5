package dev.baton.scenarios;

import dev.baton.Scenario;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;

/**
 * Programs that tried to break the rules that leave accesses without a scheduling point (found in a
 * review): a constructor that publishes {@code this} only in a catch block, and private fields
 * written through a {@code VarHandle} found by a name computed at run time. Each is a static
 * nested {@link Scenario}, loaded afresh by {@link PointRuleSwitch}.
 */
public final class EscapeHoleScenarios {
  private EscapeHoleScenarios() {}

  static final class Holder {
    Object ref;
  }

  static void fail() {
    Integer.parseInt("not a number"); // always throws NumberFormatException
  }

  /** Publishes {@code this} only in a catch block: the escape analysis resets locals there. */
  static class LeaksInHandler {
    int ready;

    LeaksInHandler(Holder holder) {
      try {
        fail();
      } catch (NumberFormatException e) {
        holder.ref = this;
      }
    }
  }

  /** Sets its field after a super constructor that published {@code this} in a catch block. */
  static final class AfterHandlerLeak extends LeaksInHandler {
    int done;

    AfterHandlerLeak(Holder holder) {
      super(holder);
      done = 1;
    }
  }

  /** Bug: the super constructor publishes the object (in a handler) before {@code done = 1}. */
  public static final class SuperLeaksInHandler implements Scenario {
    @Override
    public void run() throws Exception {
      Holder holder = new Holder();
      Scenarios.runAll(() -> new AfterHandlerLeak(holder), () -> {
        AfterHandlerLeak seen = (AfterHandlerLeak) holder.ref;
        Scenarios.check(seen == null || seen.done == 1, "saw an unfinished object");
      });
    }
  }

  /** Bug: the constructor publishes the object (in a handler); the caller then writes it. */
  public static final class ConstructorLeaksInHandler implements Scenario {
    @Override
    public void run() throws Exception {
      Holder holder = new Holder();
      Scenarios.runAll(() -> {
        LeaksInHandler made = new LeaksInHandler(holder);
        made.ready = 1;
      }, () -> {
        LeaksInHandler seen = (LeaksInHandler) holder.ref;
        Scenarios.check(seen == null || seen.ready == 1, "saw an object before ready = 1");
      });
    }
  }

  /** A private field another thread writes through a {@code VarHandle}. */
  interface Box {
    int get();

    void set(int v) throws ReflectiveOperationException;
  }

  /**
   * The reader raises a flag, then reads the box; the writer waits for the flag, then writes the
   * box: the read sees the write only in the schedules where the read is a scheduling point.
   */
  static void readRacingAWrite(Box box) throws InterruptedException {
    Holder flag = new Holder();
    Scenarios.runAll(() -> {
      flag.ref = Boolean.TRUE;
      Scenarios.check(box.get() == 0, "read the value the other thread wrote by a VarHandle");
    }, () -> {
      while (flag.ref == null) Thread.yield();
      try {
        box.set(1);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** A private field written through a VarHandle found by a name that is no string constant. */
  static final class NamedAtRunTime implements Box {
    private int secret;

    @Override
    public int get() {
      return secret;
    }

    @Override
    public void set(int v) throws ReflectiveOperationException {
      String name = new StringBuilder("terces").reverse().toString();
      VarHandle handle =
          MethodHandles.lookup().findVarHandle(NamedAtRunTime.class, name, int.class);
      handle.set(this, v);
    }
  }

  /** A private field written through a VarHandle made from the declared fields: no name at all. */
  static final class Unreflected implements Box {
    private int secret;

    @Override
    public int get() {
      return secret;
    }

    @Override
    public void set(int v) throws ReflectiveOperationException {
      Field field = Unreflected.class.getDeclaredFields()[0];
      MethodHandles.lookup().unreflectVarHandle(field).set(this, v);
    }
  }

  /** As {@link VarHandleWriteUnnamed}, the handle unreflected from getDeclaredFields()[0]. */
  public static final class UnreflectedVarHandleWrite implements Scenario {
    @Override
    public void run() throws Exception {
      readRacingAWrite(new Unreflected());
    }
  }

  /**
   * Bug: the reader reads the field after the writer, which waits for the reader's flag, set it
   * through a VarHandle found by a computed name; found only if the read is a scheduling point.
   */
  public static final class VarHandleWriteUnnamed implements Scenario {
    @Override
    public void run() throws Exception {
      readRacingAWrite(new NamedAtRunTime());
    }
  }
}
