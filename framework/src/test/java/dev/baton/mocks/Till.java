package dev.baton.mocks;

/**
 * Adds prices from a {@link PriceSource}; {@link #ring()} loses updates, {@link #ringSafely()}
 * does not. The static count of tills makes every schedule load the classes afresh.
 */
class Till {
  static int opened;

  private final PriceSource source;
  private int total;

  Till(PriceSource source) {
    this.source = source;
    opened++;
  }

  void ring() {
    total += source.price();
  }

  synchronized void ringSafely() {
    total += source.price();
  }

  synchronized int total() {
    return total;
  }
}
