package dev.baton.scheduler;

/** Uniformly random choice at every scheduling point. */
final class RandomPolicy extends SeededPolicy {

  RandomPolicy(long seed) {
    super(seed);
  }

  @Override
  public int pickThread(
      ManagedThread[] options, int enabled, int wakeable, ManagedThread current, int step) {
    return random.nextInt(enabled + wakeable);
  }

  @Override
  public String name() {
    return "RANDOM";
  }
}
