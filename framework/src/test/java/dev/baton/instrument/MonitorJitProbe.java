package dev.baton.instrument;

import java.lang.reflect.Method;

/**
 * Main of the JVM that {@link MonitorJitTest} starts: loads the {@code Monitors} sample through
 * Baton's rewrite (no delegate installed: every lock is real) and calls its synchronized methods
 * and blocks often enough that both of HotSpot's compilers take them.
 */
final class MonitorJitProbe {
  static final String[] METHODS = {"nested", "syncMethod", "staticSync", "reentrant",
      "loopAtStart", "emptyBlock", "localOnlyBlock", "nestedEmpty"};

  private MonitorJitProbe() {}

  public static void main(String[] args) throws Exception {
    Class<?> type = Class.forName(TransformingLoader.SAMPLES + "Monitors", true,
        new TransformingLoader());
    Object monitors = type.getConstructor().newInstance();
    for (String name : METHODS) {
      boolean takesInt = name.equals("loopAtStart") || name.equals("localOnlyBlock");
      Method m = takesInt ? type.getMethod(name, int.class) : type.getMethod(name);
      for (int i = 0; i < 30_000; i++) {
        if (takesInt) m.invoke(monitors, 1); else m.invoke(monitors);
      }
    }
    System.out.println("done");
  }
}
