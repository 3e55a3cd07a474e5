package dev.baton.jdk;

/** Assertions usable inside scenarios (which run re-loaded, so they keep to plain Java). */
final class Checks {
  private Checks() {}

  static void check(boolean condition, String message) {
    if (!condition) throw new AssertionError(message);
  }

  /** The virtual time that passed since {@code startNanos}, in milliseconds. */
  static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
