package dev.baton.support;

import dev.baton.instrument.BatonAgent;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Attaches Baton's agent when the test launcher starts, before any test class is loaded: some of
 * Baton's own unit tests touch {@code dev.baton.runtime} directly, and that package must come from
 * the bootstrap class path. (Users never need this: the engine attaches the agent itself.)
 */
public final class AgentFirst implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    BatonAgent.install();
  }
}
