package dev.baton.mocks;

/** A package-private collaborator that scenarios mock (a proxy must share its runtime package). */
class PriceSource {
  int price() {
    return 100;
  }
}
