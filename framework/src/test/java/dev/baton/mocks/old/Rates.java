package dev.baton.mocks.old;

/** A package-private collaborator that the Mockito 4 scenarios mock. */
class Rates {
  int rate() {
    return 7;
  }
}
