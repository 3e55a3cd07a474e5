package dev.baton.scenarios;

/** A thread the model has ended, seen by the thread that runs next. */
public final class EndedThreadScenarios {
  private EndedThreadScenarios() {}

  /**
   * Commons Pool 2's tests do this: start a thread, sleep "long enough", assert it has finished.
   * With no pauses (maxPauseMillis 0) the worker always ends in virtual time before the sleep does.
   */
  public static void sleepThenCheckTheWorkerEnded() throws InterruptedException {
    Thread worker = new Thread(() -> {}, "worker");
    worker.start();
    Thread.sleep(100);
    if (worker.isAlive()) {
      throw new AssertionError("worker ended in the model but Thread.isAlive() says it is alive");
    }
  }
}
