package dev.baton.instrument.samples;

import java.util.ArrayList;
import java.util.List;

/** Constructors whose own object escapes, or does not, before they write its fields. */
public class Escapes {
  public static Object published;
  public static final List<Object> LISTENERS = new ArrayList<>();

  /** Nothing leaks: its accesses to its own fields are no scheduling points. */
  public static class Plain {
    public int a;
    public long b;

    public Plain(int v) {
      a = v;
      b = a + 1L; //@plain
    }
  }

  /** Extends a class whose constructor leaks nothing either. */
  public static class PlainChild extends Plain {
    public int c;

    public PlainChild() {
      super(1);
      c = a; //@plain-child
    }

    public PlainChild(int v) {
      this();
      c += v; //@plain-child-this
    }
  }

  /** Publishes itself in a static field between two writes. */
  public static class Publishes {
    public int before;
    public int after;

    public Publishes() {
      before = 1; //@publishes-before
      published = this; //@publishes
      after = 2; //@publishes-after
    }
  }

  /** Registers itself as a listener, then writes. */
  public static class Registers {
    public int after;

    public Registers() {
      LISTENERS.add(this); //@registers
      after = 2; //@registers-after
    }
  }

  /** Calls one of its own instance methods, which another thread's code may override or use. */
  public static class CallsItself {
    public int x;

    public CallsItself() {
      x = 1; //@calls-first
      init();
      x = 2; //@calls-second
    }

    void init() {}
  }

  /** A lambda captures {@code this}. */
  public static class Captures {
    public int x;
    public Runnable task;

    public Captures() {
      task = () -> x++; //@captures-task
      x = 2; //@captures-after
    }
  }

  /** A superclass that publishes the object: the subclass's writes after super() are points. */
  public static class LeakyBase {
    public LeakyBase() {
      published = this; //@leaky-base
    }
  }

  /** Writes after a leaking super constructor. */
  public static class AfterLeakyBase extends LeakyBase {
    public int x;

    public AfterLeakyBase() {
      super();
      x = 1; //@after-leaky
    }
  }

  /** Publishes itself at the end of a loop body: the loop head is reached again after it. */
  public static class LoopLeak {
    public int count;

    public LoopLeak(int rounds) {
      for (int i = 0; i < rounds; i++) {
        count++; //@loop-count
        published = this; //@loop-publish
      }
    }
  }

  /** Writes through a reference that is this on one path and another object on the other. */
  public static class EitherOne {
    public int x;

    public EitherOne(EitherOne other) {
      EitherOne target = other == null ? this : other;
      target.x = 1; //@either-target
      x = 2; //@either-own
    }
  }

  /** Writes a field of another object of its class: not its own, so a point. */
  public static class WritesOther {
    public int x;

    public WritesOther(WritesOther other) {
      if (other != null) other.x = 1; //@writes-other
      x = 2; //@writes-own
    }
  }
}
