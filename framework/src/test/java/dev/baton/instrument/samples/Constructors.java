package dev.baton.instrument.samples;

/** Field accesses around super() and this() calls. */
public class Constructors {
  public static int seed;

  /** A base whose constructor argument is computed before super() runs. */
  public static class Base {
    public int fromBase;

    public Base(int value) {
      fromBase = value; //@base-write
    }
  }

  /** Reads a static field before super(), writes its own field after. */
  public static class Child extends Base {
    public int own;

    public Child(int value) {
      super(seed++ + value); //@child-super
      own = value; //@child-own
    }

    public Child() {
      this(7); //@child-this
      own++; //@child-after-this
    }
  }

  /** An inner class: javac writes the final {@code this$0} before super(). */
  public class Inner {
    public int value = 3; //@inner-value
  }

  public Inner inner() {
    return new Inner();
  }
}
