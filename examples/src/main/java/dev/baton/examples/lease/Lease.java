package dev.baton.examples.lease;

/**
 * Exclusive use of one resource (a leader role, a migration lock, a printer): at most one holder
 * at a time, and only the holder gives it back.
 */
public interface Lease {
  /** Takes the lease if nobody holds it; returns whether the caller holds it now. */
  boolean tryAcquire(int owner);

  /** Gives the lease back if {@code owner} holds it; returns whether it did. */
  boolean release(int owner);

  /** The current holder, or null. */
  Integer holder();
}
