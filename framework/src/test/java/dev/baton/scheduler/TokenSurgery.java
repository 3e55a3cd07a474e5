package dev.baton.scheduler;

import java.util.Arrays;

/** Changes replay tokens the way a different run of the same code would need them changed. */
public final class TokenSurgery {
  private TokenSurgery() {}

  /** {@code token} without its last {@code n} choices. */
  public static String withoutLastChoices(String token, int n) {
    ReplayToken t = ReplayToken.decode(token, "a test");
    return new ReplayToken(t.scenarioHash(), t.strategy(), t.seed(), t.schedule(),
            t.maxPauseMillis(), t.spuriousWakeups(),
            Arrays.copyOf(t.choices(), t.choices().length - n))
        .encode();
  }

  /** How many choices {@code token} holds. */
  public static int choices(String token) {
    return ReplayToken.decode(token, "a test").choices().length;
  }
}
