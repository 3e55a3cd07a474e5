package dev.baton.examples.existing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ExploreInterleavings;
import dev.baton.examples.HitCounter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fails on purpose (not run by the build: its name does not end in Test): the existing test of
 * {@link HitCounterJupiterTest} against the racy {@code hit()}. Run it with {@code mvn -pl examples
 * test -Dtest=HitCounterJupiterDemo}: Baton finds the lost update and prints the replay line.
 */
@ExploreInterleavings
class HitCounterJupiterDemo {
  private HitCounter counter;
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    counter = new HitCounter();
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  @Test
  void hitsFromAPoolAreNeverLost() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(2);
    for (int i = 0; i < 2; i++) {
      pool.execute(() -> {
        counter.hit();
        done.countDown();
      });
    }
    done.await();
    assertThat(counter.hits()).isEqualTo(2);
  }
}
