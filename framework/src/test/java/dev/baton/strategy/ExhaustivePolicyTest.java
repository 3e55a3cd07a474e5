package dev.baton.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExhaustivePolicyTest {
  private final ThreadView a = new TestThread(0, new Thread());
  private final ThreadView b = new TestThread(1, new Thread());
  private final ThreadView c = new TestThread(2, new Thread());

  @Test
  void enumeratesEveryPathOfTheChoiceTreeThenStops() {
    ExhaustivePolicy policy = new ExhaustivePolicy(2, false);
    List<String> paths = new ArrayList<>();
    for (int schedule = 0; schedule < 100 && !policy.exhausted(); schedule++) {
      policy.beginSchedule(schedule);
      ThreadView[] three = {a, b, c};
      ThreadView first = three[policy.pickThread(three, 3, 0, a, 1)];
      ThreadView[] two = {a, b};
      ThreadView second = two[policy.pickThread(two, 2, 0, first, 2)];
      paths.add(first.id + "" + second.id);
      policy.endSchedule(2);
    }
    // Every path is covered exactly once: a round does not run the schedules of earlier rounds.
    // The first choice runs a (0) or preempts it; the second keeps the thread that ran first if it
    // can, and switching away from c, which cannot run at the second choice, is no preemption.
    // Round 0: 00. Round 1: 01 (preempt at the second choice), 11 (at the first), 20, 21 (at the
    // first). Round 2: 10 (at both). Rounds 1 and 2 walk the kept runs instead of running them.
    assertThat(paths).containsExactly("00", "01", "11", "20", "21", "10");
    assertThat(policy.exhausted()).isTrue();
  }

  @Test
  void exploresSchedulesWithFewPreemptionsFirst() {
    // Ten decisions between a (running) and b: without a bound, depth-first search would vary the
    // last decisions for a long time; with bounding, every single-preemption schedule comes early.
    ExhaustivePolicy policy = new ExhaustivePolicy(2, false);
    List<String> paths = new ArrayList<>();
    for (int schedule = 0; schedule < 12 && !policy.exhausted(); schedule++) {
      policy.beginSchedule(schedule);
      StringBuilder path = new StringBuilder();
      ThreadView running = a;
      for (int step = 0; step < 10; step++) {
        ThreadView[] options = {a, b};
        running = options[policy.pickThread(options, 2, 0, running, step)];
        path.append(running.id);
      }
      paths.add(path.toString());
      policy.endSchedule(10);
    }
    assertThat(paths.get(0)).isEqualTo("0000000000");
    assertThat(paths.subList(1, 12)).contains("1111111111", "0000000001", "0111111111");
  }

  @Test
  void saysHowFarTheEnumerationIsCompleteWhenTheBudgetRunsOut() {
    ExhaustivePolicy policy = new ExhaustivePolicy(2, false);
    for (int schedule = 0; schedule < 3; schedule++) {
      policy.beginSchedule(schedule);
      ThreadView running = a;
      for (int step = 0; step < 10; step++) {
        ThreadView[] options = {a, b};
        running = options[policy.pickThread(options, 2, 0, running, step)];
      }
      policy.endSchedule(10);
    }
    // Round 0 (no preemption) had one schedule; the budget ran out during round 1.
    assertThat(policy.exhausted()).isFalse();
    assertThat(policy.note()).isEqualTo("Every schedule with at most 0 preemptions was explored;"
        + " the budget ran out in the round allowing 1.");
  }

  @Test
  void triesTheRunningThreadFirst() {
    ExhaustivePolicy policy = new ExhaustivePolicy(2, false);
    policy.beginSchedule(0);
    ThreadView[] options = {a, b, c};
    assertThat(options[policy.pickThread(options, 3, 0, b, 1)]).isSameAs(b);
  }
}
