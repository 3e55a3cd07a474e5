package dev.baton.runtimeclasses;

/** Counted into by a class made at run time; {@link #count} is public for the generated code. */
public class Counter {
  public int count;

  public synchronized void addSafely() {
    count++;
  }

  public synchronized int count() {
    return count;
  }
}
