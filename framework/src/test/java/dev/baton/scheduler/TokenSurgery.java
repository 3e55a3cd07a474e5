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

  /**
   * {@code token} as version 2 wrote it (the same layout as version 3): a token of an earlier
   * build, whose scheduling points differed.
   */
  public static String asVersion2(String token) {
    byte[] bytes = java.util.Base64.getUrlDecoder().decode(token);
    bytes[0] = 2;
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    java.nio.ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
