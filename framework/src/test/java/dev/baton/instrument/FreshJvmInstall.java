package dev.baton.instrument;

/**
 * Installs the agent in a JVM that has loaded nothing else, the way a user's first Baton test
 * does in a new build: every JDK class the agent must rewrite has to be found even then.
 */
public final class FreshJvmInstall {
  private FreshJvmInstall() {}

  public static void main(String[] args) {
    BatonAgent.install();
    System.out.println("installed");
  }
}
