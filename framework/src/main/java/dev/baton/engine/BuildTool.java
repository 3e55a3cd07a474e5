package dev.baton.engine;

/** Which build tool runs the tests, for the replay command a failure prints. */
final class BuildTool {
  /** Set by Gradle in every test worker JVM it starts. */
  static final String GRADLE_WORKER_PROPERTY = "org.gradle.test.worker";

  private BuildTool() {}

  /** Whether this JVM is a Gradle test worker. */
  static boolean underGradle() {
    return System.getProperty(GRADLE_WORKER_PROPERTY) != null;
  }
}
