package dev.baton.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExploreInterleavings;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;

/** Baton finds the lost update in {@link HitCounter#hit()} and passes the fix. */
class HitCounterTest {

  @org.junit.jupiter.api.Test
  void batonFindsTheLostUpdate() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.explore(HitCounterTest::twoPlainHits));
    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).contains("lost update: hits = 1").contains("-Dbaton.replay=");
  }

  @ExploreInterleavings
  void theSynchronizedCounterNeverLosesAHit() throws InterruptedException {
    HitCounter counter = new HitCounter();
    Thread a = new Thread(counter::hitSafely);
    Thread b = new Thread(counter::hitSafely);
    a.start();
    b.start();
    a.join();
    b.join();
    assertThat(counter.hits()).isEqualTo(2);
  }

  static void twoPlainHits() throws InterruptedException {
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
