package dev.baton.instrument.assertsamples.sub;

/** Whether {@code assert} fires in this class of a subpackage (see AssertionStatusTest). */
public final class CheckedInSub {
  private CheckedInSub() {}

  public static boolean assertionsFire() {
    try {
      assert false : "fired";
      return false;
    } catch (AssertionError fired) {
      return true;
    }
  }
}
