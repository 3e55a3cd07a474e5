package dev.baton.examples;

/**
 * Counts page hits. {@link #hit()} is the bug every team ships once: {@code hits++} is a read, an
 * add and a write, and two threads can read the same value.
 */
public class HitCounter {
  private int hits;

  public void hit() {
    hits++;
  }

  /** The fix: one thread at a time. */
  public synchronized void hitSafely() {
    hits++;
  }

  public synchronized int hits() {
    return hits;
  }
}
