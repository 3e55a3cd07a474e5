package dev.baton.instrument.samples;


/**
 * Private fields written only while their object or class is initialised, whose reads need no
 * scheduling point, and the fields the rule must leave alone. All nested in one class, so one nest.
 */
public class Immutables {
  public static Object published;

  /** A nest member's read of another class's immutable field: stays a point. */
  public static int peek(ConstructorOnly other) {
    return other.value; //@peek
  }

  /** Written only by its constructors, on its own unpublished object. */
  public static class ConstructorOnly {
    private int value;
    private String label;

    public ConstructorOnly(int v) {
      value = v;
      label = "n" + v;
    }

    public ConstructorOnly() {
      this(7);
    }

    public int read() {
      return value + label.length(); //@constructor-only
    }

    public int readOther(ConstructorOnly other) {
      return other.value; //@constructor-only-other
    }
  }

  /** Written by a method after construction. */
  public static class WrittenInMethod {
    private int value;

    public WrittenInMethod(int v) {
      value = v;
    }

    public void set(int v) {
      value = v; //@method-write
    }

    public int read() {
      return value; //@method-read
    }
  }

  /** Written by a nested class, which reaches the private field directly. */
  public static class WrittenByNested {
    private int value;

    public WrittenByNested(int v) {
      value = v;
    }

    public int read() {
      return value; //@nested-read
    }

    public Runnable resetter() {
      return new Resetter();
    }

    class Resetter implements Runnable {
      @Override
      public void run() {
        value = 0;
      }
    }
  }

  /** Written by its constructor after the object was published. */
  public static class WrittenAfterEscape {
    private int value;

    public WrittenAfterEscape() {
      published = this;
      value = 2;
    }

    public int read() {
      return value; //@escape-read
    }
  }

  /** Its constructor writes the field of another object of its class, which may be shared. */
  public static class WritesOther {
    private int value;

    public WritesOther(WritesOther other) {
      value = 1;
      if (other != null) other.value = 2;
    }

    public int read() {
      return value; //@other-read
    }
  }

  /** Volatile: stays a point (a volatile read orders what follows it). */
  public static class Volatile {
    private volatile int value;

    public Volatile(int v) {
      value = v;
    }

    public int read() {
      return value; //@volatile-read
    }
  }

  /** Not private: other classes of the package may write it. */
  public static class NotPrivate {
    int shared;

    public NotPrivate(int v) {
      shared = v;
    }

    public int read() {
      return shared; //@not-private-read
    }
  }

  /** Annotated: frameworks write annotated fields by reflection. */
  public static class Annotated {
    @Deprecated private int marked;

    public Annotated(int v) {
      marked = v;
    }

    public int read() {
      return marked; //@annotated-read
    }
  }

  /** A static field written only by the static initialiser. */
  public static class StaticInInitialiser {
    private static int limit;

    static {
      limit = 5;
    }

    public static int read() {
      return limit; //@static-init-read
    }
  }

  /** A static field written by a method too. */
  public static class StaticWrittenLater {
    private static int count;

    static {
      count = 1;
    }

    public static void bump() {
      count = count + 1; //@static-bump
    }

    public static int read() {
      return count; //@static-later-read
    }
  }
}
