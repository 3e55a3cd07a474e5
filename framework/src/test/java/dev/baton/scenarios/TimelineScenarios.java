package dev.baton.scenarios;

/**
 * Failures of the size a person reads in the HTML timeline: four threads and a couple of hundred
 * steps, with monitors held across preemptions.
 */
public final class TimelineScenarios {
  private TimelineScenarios() {}

  /** A ledger whose total is kept under a lock but whose audit count is a plain field. */
  static final class Ledger {
    private final Object lock = new Object();
    private int total;
    private int audited;

    void post(int amount) {
      synchronized (lock) {
        total += amount;
      }
      audited++; // the bug: outside the lock
    }
  }

  /** Four tellers post eight entries each; one lost audit increment fails the check. */
  public static void fourTellersLoseAnAudit() throws InterruptedException {
    Ledger ledger = new Ledger();
    Runnable teller = () -> {
      for (int i = 0; i < 8; i++) ledger.post(10);
    };
    Thread[] tellers = new Thread[4];
    for (int i = 0; i < tellers.length; i++) {
      tellers[i] = new Thread(teller, "teller-" + (i + 1));
      tellers[i].start();
    }
    for (Thread t : tellers) t.join();
    Scenarios.check(ledger.audited == 32, "lost audit: audited = " + ledger.audited + " of 32");
  }
}
