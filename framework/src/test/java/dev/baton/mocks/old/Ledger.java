package dev.baton.mocks.old;

/** Books rates; {@link #book()} loses updates. The static count makes schedules reload it. */
class Ledger {
  static int opened;

  private final Rates rates;
  private int total;

  Ledger(Rates rates) {
    this.rates = rates;
    opened++;
  }

  void book() {
    total += rates.rate();
  }

  synchronized void bookSafely() {
    total += rates.rate();
  }

  synchronized int total() {
    return total;
  }
}
