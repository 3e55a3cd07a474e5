package dev.baton.scenarios;

/** A counter whose increment is a plain read-modify-write: the commonest race there is. */
public class Counter {
  int count;

  void increment() {
    count++;
  }

  synchronized void incrementSafely() {
    count++;
  }
}
