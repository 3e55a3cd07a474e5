package dev.baton.instrument.samples;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Private fields set only by constructors, in classes that can also reach them by name (each a
 * nest of its own, since one such class makes the rule give up for its whole nest).
 */
public class FieldsByName {
  private FieldsByName() {}

  /** Written through a VarHandle found by the field's name. */
  public static class NamedByString {
    private static final VarHandle REFLECTED;

    static {
      try {
        REFLECTED =
            MethodHandles.lookup().findVarHandle(NamedByString.class, "reflected", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private int reflected;

    public NamedByString(int v) {
      reflected = v;
    }

    public void set(int v) {
      REFLECTED.set(this, v);
    }

    public int read() {
      return reflected; //@string-read
    }
  }
}
