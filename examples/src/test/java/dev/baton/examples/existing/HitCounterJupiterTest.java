package dev.baton.examples.existing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ExploreInterleavings;
import dev.baton.examples.HitCounter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A team's existing Jupiter test, unchanged but for one annotation on the class: Surefire runs it
 * here with its defaults, and every {@code @Test} below runs under Baton only, once per schedule.
 * If JUnit Jupiter also ran a method uncontrolled, its first assertion would fail the build: the
 * class would come from the application class loader, not Baton's.
 */
@ExploreInterleavings(schedules = 200)
class HitCounterJupiterTest {
  private HitCounter counter;
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    counter = new HitCounter();
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdown();
    assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void synchronizedHitsFromAPoolAreNeverLost() throws InterruptedException {
    assertThat(getClass().getClassLoader()).as("loaded by Baton's instrumenting class loader")
        .isNotSameAs(ClassLoader.getSystemClassLoader());
    CountDownLatch done = new CountDownLatch(2);
    for (int i = 0; i < 2; i++) {
      pool.execute(() -> {
        counter.hitSafely();
        done.countDown();
      });
    }
    done.await();
    assertThat(counter.hits()).isEqualTo(2);
  }
}
