package dev.baton.scenarios;

/** A one-shot mailbox guarded by its own monitor. */
final class Mailbox {
  private boolean delivered;

  void awaitCheckingOutsideLock() {
    if (!delivered) {
      synchronized (this) {
        try {
          wait();
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      }
    }
  }

  synchronized void awaitInLoop() {
    try {
      while (!delivered) wait();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  synchronized void deliver() {
    delivered = true;
    notifyAll();
  }
}
