package dev.baton.instrument.samples;

/** A static initialiser that throws. */
public class FailingInit {
  static int value = 1 / zero();

  static int zero() {
    return 0;
  }

  public static int value() {
    return value;
  }
}
