package dev.baton.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<String> printed = new ArrayList<>();

  private ProgressLine line(int budget) {
    return new ProgressLine("com.acme.TransferTest#charges", budget, 10_000, now::get, printed::add);
  }

  @Test
  void printsScheduleCountRateElapsedAndFailuresOncePerInterval() {
    ProgressLine progress = line(100_000);
    for (int done = 1; done <= 2_500; done++) {
      now.addAndGet(10_000_000); // 10 ms per schedule: 100 schedules a second
      progress.scheduleDone(done, 0);
    }

    assertThat(printed).containsExactly(
        "[baton] TransferTest#charges: 1,000 of 100,000 schedules (1%), 100/s, 10 s elapsed,"
            + " no failure so far",
        "[baton] TransferTest#charges: 2,000 of 100,000 schedules (2%), 100/s, 20 s elapsed,"
            + " no failure so far");
  }

  @Test
  void aShortExplorationPrintsNothing() {
    ProgressLine progress = line(1000);
    for (int done = 1; done <= 1000; done++) {
      now.addAndGet(1_000_000);
      progress.scheduleDone(done, 0);
    }

    assertThat(printed).isEmpty();
  }

  @Test
  void countsFailuresAndMinutes() {
    ProgressLine progress = line(10);
    now.addAndGet(75_000_000_000L);
    progress.scheduleDone(3, 2);

    assertThat(printed).containsExactly(
        "[baton] TransferTest#charges: 3 of 10 schedules (30%), 0/s, 1 min 15 s elapsed,"
            + " 2 failures so far");
  }
}
