package dev.baton.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExhaustivePolicyTest {
  private final ManagedThread a = new ManagedThread(0, new Thread());
  private final ManagedThread b = new ManagedThread(1, new Thread());
  private final ManagedThread c = new ManagedThread(2, new Thread());

  @Test
  void enumeratesEveryPathOfTheChoiceTreeOnceThenStops() {
    ExhaustivePolicy policy = new ExhaustivePolicy();
    List<String> paths = new ArrayList<>();
    for (int schedule = 0; schedule < 100 && !policy.exhausted(); schedule++) {
      policy.beginSchedule(schedule);
      ManagedThread[] three = {a, b, c};
      ManagedThread first = three[policy.pickThread(three, 3, a, 1)];
      ManagedThread[] two = {a, b};
      ManagedThread second = two[policy.pickThread(two, 2, first, 2)];
      paths.add(first.id + "" + second.id);
      policy.endSchedule(2);
    }
    assertThat(paths).doesNotHaveDuplicates().hasSize(6);
    assertThat(policy.exhausted()).isTrue();
  }

  @Test
  void triesTheRunningThreadFirst() {
    ExhaustivePolicy policy = new ExhaustivePolicy();
    policy.beginSchedule(0);
    ManagedThread[] options = {a, b, c};
    assertThat(options[policy.pickThread(options, 3, b, 1)]).isSameAs(b);
  }
}
