package dev.baton.strategy;

import org.apiguardian.api.API;

/**
 * Passes every choice through to another policy and counts the preemptions among them: choices
 * that switch away from a running thread that could have gone on.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PreemptionCounter implements SchedulePolicy {
  private final SchedulePolicy policy;
  private int preemptions;

  public PreemptionCounter(SchedulePolicy policy) {
    this.policy = policy;
  }

  @Override
  public void beginSchedule(int index) {
    preemptions = 0;
    policy.beginSchedule(index);
  }

  @Override
  public int pickThread(
      ThreadView[] options, int enabled, int wakeable, ThreadView current, int step) {
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
  public int pickWaiter(ThreadView[] waiters, int count) {
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

  public int preemptions() {
    return preemptions;
  }
}
