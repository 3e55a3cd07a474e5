package dev.baton.examples;

import dev.baton.ExploreInterleavings;

/**
 * The demo: a test that fails because {@link HitCounter#hit()} loses updates. Its name does not
 * match Surefire's patterns, so the regular build skips it; the README's tour runs it on purpose.
 */
class LostUpdateDemo {

  @ExploreInterleavings
  void twoHitsCountTwice() throws InterruptedException {
    HitCounter counter = new HitCounter();
    Thread a = new Thread(counter::hit);
    Thread b = new Thread(counter::hit);
    a.start();
    b.start();
    a.join();
    b.join();
    if (counter.hits() != 2) throw new AssertionError("lost update: hits = " + counter.hits());
  }
}
