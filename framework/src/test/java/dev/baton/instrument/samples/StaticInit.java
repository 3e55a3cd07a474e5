package dev.baton.instrument.samples;

/** A static initialiser that writes fields, arrays and takes a monitor: only its entry and exit are hooked. */
public class StaticInit {
  static int counter = 5;
  static final int[] TABLE = {1, 2, 3};

  static {
    synchronized (StaticInit.class) {
      counter += TABLE[2];
    }
  }

  public static int counter() {
    return counter; //@counter
  }
}
