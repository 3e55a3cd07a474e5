package dev.baton.scheduler;

/**
 * Passes every choice through to another policy and counts the preemptions among them: choices
 * that switch away from a running thread that could have gone on.
 */
final class PreemptionCounter implements SchedulePolicy {
  private final SchedulePolicy policy;
  private int preemptions;

  PreemptionCounter(SchedulePolicy policy) {
    this.policy = policy;
  }

  @Override
  public void beginSchedule(int index) {
    preemptions = 0;
    policy.beginSchedule(index);
  }

  @Override
  public int pickThread(
      ManagedThread[] options, int enabled, int wakeable, ManagedThread current, int step) {
    int i = policy.pickThread(options, enabled, wakeable, current, step);
    if (options[i] != current) {
      for (int k = 0; k < enabled; k++) {
        if (options[k] == current) {
          preemptions++;
          break;
        }
      }
    }
    return i;
  }

  @Override
  public int pickWaiter(ManagedThread[] waiters, int count) {
    return policy.pickWaiter(waiters, count);
  }

  @Override
  public void endSchedule(int steps) {
    policy.endSchedule(steps);
  }

  @Override
  public String name() {
    return policy.name();
  }

  int preemptions() {
    return preemptions;
  }
}
