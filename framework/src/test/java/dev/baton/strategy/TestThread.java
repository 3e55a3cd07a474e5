package dev.baton.strategy;

/**
 * A thread as a policy sees it, for the policies' own tests: the scheduler's model of a thread is
 * its one subclass in Baton, and it can run unless a test says otherwise.
 */
final class TestThread extends ThreadView {
  boolean runnable = true;

  TestThread(int id, Thread thread) {
    super(id, thread);
  }

  @Override
  public boolean runnable() {
    return runnable;
  }

  @Override
  public String displayName() {
    return id == 0 ? "main" : "thread-" + id;
  }
}
