package dev.baton.instrument;

/**
 * Whether {@code assert} is on in a class as the loader it came from would have defined it.
 *
 * <p>A class's assertion status belongs to its defining loader: its class and package settings
 * and its default ({@code ClassLoader.setDefaultAssertionStatus}, which is how Maven Surefire
 * turns assertions on, not {@code -ea}), or the JVM's {@code -ea}/{@code -da} flags for a loader
 * nobody configured. The JDK offers no getter for a loader's settings, so the original loader is
 * asked through the class itself: loaded there without being initialised (no static initialiser
 * runs), its {@link Class#desiredAssertionStatus()} applies exactly the rules the JVM would apply.
 */
final class OriginalAssertionStatus {
  private OriginalAssertionStatus() {}

  /**
   * The status {@code className} has when {@code original} defines it, or null when the original
   * loader cannot load it (the instrumenting loader's own settings then apply).
   */
  static Boolean of(String className, ClassLoader original) {
    try {
      return Class.forName(className, false, original).desiredAssertionStatus();
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
