package dev.baton.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A long schedule's trace keeps its head and tail in bounded memory, and counts every step. */
class TraceTest {

  @Test
  void aMillionStepsKeepOnlyTheHeadAndTheTail() {
    Trace trace = new Trace();
    for (int step = 0; step < 1_000_000; step++) trace.add(step % 3, step, Trace.SITE, null);

    assertThat(trace.size).isEqualTo(1_000_000);
    assertThat(trace.kept()).isEqualTo(Trace.HEAD + Trace.TAIL);
    assertThat(trace.dropped()).isEqualTo(1_000_000 - Trace.HEAD - Trace.TAIL);
    // The storage never grew past what is kept.
    assertThat(trace.threads.length).isLessThanOrEqualTo(Trace.HEAD + Trace.TAIL);
    assertThat(trace.objects.length).isLessThanOrEqualTo(Trace.HEAD + Trace.TAIL);
    // Kept steps come back in execution order: the head, then the last TAIL steps.
    assertThat(trace.sites[trace.at(0)]).isEqualTo(0);
    assertThat(trace.sites[trace.at(Trace.HEAD - 1)]).isEqualTo(Trace.HEAD - 1);
    assertThat(trace.sites[trace.at(Trace.HEAD)]).isEqualTo(1_000_000 - Trace.TAIL);
    assertThat(trace.sites[trace.at(trace.kept() - 1)]).isEqualTo(999_999);
    // Coverage still sees every step.
    assertThat(trace.sitesPassed.cardinality()).isEqualTo(1_000_000);
    assertThat(trace.threadChanges).isEqualTo(999_999);
  }

  @Test
  void aShortScheduleKeepsEveryStepAndMarksSwitchesOnItsLatestStep() {
    Trace trace = new Trace();
    trace.add(0, 1, Trace.SITE, null);
    trace.add(1, 2, Trace.SITE, null);
    trace.markSwitch(0, Trace.PREEMPTED); // not the latest step's thread: nothing to mark
    trace.markSwitch(1, Trace.YIELDED);

    assertThat(trace.kept()).isEqualTo(2);
    assertThat(trace.dropped()).isZero();
    assertThat(trace.switches[trace.at(0)]).isEqualTo(Trace.NO_SWITCH);
    assertThat(trace.switches[trace.at(1)]).isEqualTo(Trace.YIELDED);
  }

  @Test
  void aSwitchPastTheHeadMarksTheLatestStepInTheRing() {
    Trace trace = new Trace();
    int total = Trace.HEAD + Trace.TAIL + 7;
    for (int step = 0; step < total; step++) trace.add(0, step, Trace.SITE, null);
    trace.markSwitch(0, Trace.BLOCKED);

    assertThat(trace.switches[trace.at(trace.kept() - 1)]).isEqualTo(Trace.BLOCKED);
    assertThat(trace.switches[trace.at(trace.kept() - 2)]).isEqualTo(Trace.NO_SWITCH);
  }
}
