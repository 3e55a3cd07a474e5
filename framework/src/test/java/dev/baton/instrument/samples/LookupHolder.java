package dev.baton.instrument.samples;

import java.lang.invoke.MethodHandles;

/** A private field set by its constructor, in a class that hands its private lookup out. */
public class LookupHolder {
  private int value;

  public LookupHolder(int v) {
    value = v;
  }

  /** Another class may find a VarHandle to {@code value} by a name of its own making. */
  public static MethodHandles.Lookup lookup() {
    return MethodHandles.lookup();
  }

  public int read() {
    return value; //@lookup-read
  }
}
