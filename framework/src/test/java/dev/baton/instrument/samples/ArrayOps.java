package dev.baton.instrument.samples;

/** One element load and store per array type. */
public final class ArrayOps {
  private ArrayOps() {}

  public static int ints(int[] a) {
    a[1] = a[0] + 1; //@ints
    return a[1];
  }

  public static long longs(long[] a) {
    a[1] = a[0] * 3L; //@longs
    return a[1];
  }

  public static double doubles(double[] a) {
    a[1] = a[0] / 4; //@doubles
    return a[1];
  }

  public static float floats(float[] a) {
    a[1] = a[0] * 2f; //@floats
    return a[1];
  }

  public static byte bytes(byte[] a) {
    a[1] = (byte) (a[0] + 1); //@bytes
    return a[1];
  }

  public static boolean booleans(boolean[] a) {
    a[1] = !a[0]; //@booleans
    return a[1];
  }

  public static char chars(char[] a) {
    a[1] = (char) (a[0] + 1); //@chars
    return a[1];
  }

  public static short shorts(short[] a) {
    a[1] = (short) (a[0] + 1); //@shorts
    return a[1];
  }

  public static String objects(String[] a) {
    a[1] = a[0] + "!"; //@objects
    return a[1];
  }

  public static void outOfBounds(int[] a) {
    a[5] = 9; //@out-of-bounds
  }

  /** Three int stores and two long stores: one scratch int and one scratch long suffice. */
  public static long many(int[] ints, long[] longs) {
    ints[0] = 1;
    ints[1] = 2;
    ints[2] = 3;
    longs[0] = 4L;
    longs[1] = 5L;
    return ints[0] + ints[1] + ints[2] + longs[0] + longs[1];
  }
}
