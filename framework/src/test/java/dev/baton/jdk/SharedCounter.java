package dev.baton.jdk;

/** A counter whose plain increment is a read, an add and a write: the lost update of every test. */
final class SharedCounter {
  int count;

  void increment() {
    count++;
  }

  synchronized void incrementSafely() {
    count++;
  }

  synchronized int get() {
    return count;
  }
}
