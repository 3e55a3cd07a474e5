package dev.baton.instrument.assertsamples;

/** Whether {@code assert} fires in this class (see AssertionStatusTest). */
public final class Checked {
  private Checked() {}

  public static boolean assertionsFire() {
    try {
      assert false : "fired";
      return false;
    } catch (AssertionError fired) {
      return true;
    }
  }
}
