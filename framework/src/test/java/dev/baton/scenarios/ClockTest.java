package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Interleavings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code java.time} and {@code java.util.Date} read the virtual clock in managed threads only. */
class ClockTest {

  @Test
  void everyClockOfTheJdkReadsVirtualTimeInAManagedThread() {
    assertThat(Interleavings.configure().schedules(50).seed(1)
        .explore(ClockScenarios::everyClockReadsVirtualTime).schedules()).isEqualTo(50);
  }

  @Test
  void pollingInstantNowUntilADeadlineEnds() {
    assertThat(Interleavings.configure().schedules(20).seed(1)
        .explore(ClockScenarios::pollTheClockUntilADeadline).schedules()).isEqualTo(20);
  }

  @Test
  void outsideAnExplorationTheClocksAreReal() {
    Interleavings.configure().schedules(1).explore(ClockScenarios::pollTheClockUntilADeadline);

    assertThat(Duration.between(Instant.now(), Instant.ofEpochMilli(System.currentTimeMillis())).abs())
        .isLessThan(Duration.ofSeconds(5));
  }
}
