package dev.baton.strategy;

/** Uniformly random choice at every scheduling point. */
final class RandomPolicy extends SeededPolicy {

  RandomPolicy(long seed) {
    super(seed);
  }

  @Override
  public int pickThread(
      ThreadView[] options, int enabled, int wakeable, ThreadView current, int step) {
    return random.nextInt(enabled + wakeable);
  }

  @Override
  public String name() {
    return "RANDOM";
  }
}
