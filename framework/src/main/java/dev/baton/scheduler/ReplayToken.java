package dev.baton.scheduler;

import dev.baton.Strategy;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The replay token: every choice of one schedule, in order, plus where it came from. Printed as
 * URL-safe Base64 without padding, so it survives shells, CI logs and Java string literals.
 *
 * <p>Layout: version, hash of the scenario id, strategy, seed, schedule number, the pause budget
 * in milliseconds and a flags byte (bit 0: spurious wakeups), the choices run-length encoded as
 * (thread id, repeat) varint pairs, and a CRC-32 of all that. The settings that decide which
 * choices exist travel with the token, so that it replays the same whatever the replaying run is
 * configured with. Version 1 tokens, from before pauses, replay with no pauses. Versions 1 and 2
 * were written by builds whose scheduling points differ for code that allocates objects or arrays
 * or reads effectively immutable fields (those accesses were points then): they still decode, but
 * their choices may not fit the points of this build ({@link #fromEarlierPoints()}).
 *
 * @param scenarioHash {@link String#hashCode()} of the scenario id that recorded it
 * @param strategy the strategy that found the schedule
 * @param seed the exploration seed
 * @param schedule the 1-based schedule number
 * @param maxPauseMillis the pause budget the schedule ran with
 * @param spuriousWakeups whether the schedule allowed spurious wakeups
 * @param choices the id of the thread chosen at each choice point
 * @param version the version it was written with ({@link #VERSION} for a new token)
 */
record ReplayToken(
    int scenarioHash,
    Strategy strategy,
    long seed,
    int schedule,
    long maxPauseMillis,
    boolean spuriousWakeups,
    int[] choices,
    int version) {
  /**
   * The version this build writes: 3 since accesses to unpublished objects and reads of
   * effectively immutable fields are no scheduling points.
   */
  static final int VERSION = 3;

  /** A new token, of this build's version. */
  ReplayToken(int scenarioHash, Strategy strategy, long seed, int schedule, long maxPauseMillis,
      boolean spuriousWakeups, int[] choices) {
    this(scenarioHash, strategy, seed, schedule, maxPauseMillis, spuriousWakeups, choices, VERSION);
  }

  /**
   * True for a token written by an earlier build, whose scheduling points differ from this one's
   * wherever the code allocates objects or arrays or reads effectively immutable fields: its
   * replay may diverge, or follow another way.
   */
  boolean fromEarlierPoints() {
    return version < VERSION;
  }

  String encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 + choices.length);
    out.write(VERSION);
    writeFixed(out, scenarioHash, 4);
    out.write(strategy.ordinal());
    writeFixed(out, seed, 8);
    writeVarint(out, schedule);
    writeVarint(out, (int) Math.min(Integer.MAX_VALUE, maxPauseMillis));
    out.write(spuriousWakeups ? 1 : 0);
    writeVarint(out, choices.length);
    for (int i = 0; i < choices.length; ) {
      int run = 1;
      while (i + run < choices.length && choices[i + run] == choices[i]) run++;
      writeVarint(out, choices[i]);
      writeVarint(out, run);
      i += run;
    }
    CRC32 crc = new CRC32();
    crc.update(out.toByteArray());
    writeFixed(out, crc.getValue(), 4);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  /**
   * Decodes a token; {@code origin} names where it came from ({@code -Dbaton.replay}, an attribute)
   * for the error message.
   *
   * @throws IllegalArgumentException naming what is wrong and how to fix it
   */
  static ReplayToken decode(String token, String origin) {
    String trimmed = token.strip();
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(trimmed);
    } catch (IllegalArgumentException e) {
      throw bad(origin, trimmed, "it is not a Baton replay token (not URL-safe Base64)");
    }
    if (bytes.length < 1 + 4 + 1 + 8 + 4 || bytes[0] < 1 || bytes[0] > VERSION) {
      throw bad(origin, trimmed, "it is not a Baton replay token of this version");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if ((int) crc.getValue() != in.getInt(bytes.length - 4)) {
      throw bad(origin, trimmed, "its checksum does not match: it was cut or changed while copying");
    }
    in.limit(bytes.length - 4);
    in.position(1);
    int hash = in.getInt();
    int ordinal = in.get();
    if (ordinal < 0 || ordinal >= Strategy.values().length) {
      throw bad(origin, trimmed, "it names an unknown strategy");
    }
    long seed = in.getLong();
    int schedule = readVarint(in);
    long maxPause = 0;
    boolean spurious = false;
    if (bytes[0] >= 2) {
      maxPause = readVarint(in);
      spurious = (in.get() & 1) != 0;
    }
    int count = readVarint(in);
    int[] choices = new int[count];
    for (int i = 0; i < count; ) {
      int id = readVarint(in);
      int run = readVarint(in);
      if (run <= 0 || i + run > count) throw bad(origin, trimmed, "its choices are malformed");
      for (int r = 0; r < run; r++) choices[i++] = id;
    }
    return new ReplayToken(
        hash, Strategy.values()[ordinal], seed, schedule, maxPause, spurious, choices, bytes[0]);
  }

  private static IllegalArgumentException bad(String origin, String token, String why) {
    String shown = token.length() > 40 ? token.substring(0, 40) + "..." : token;
    return new IllegalArgumentException(
        origin + " = \"" + shown + "\" cannot be replayed: " + why
            + ". Copy the whole token after -Dbaton.replay= from the failure message.");
  }

  private static void writeFixed(ByteArrayOutputStream out, long value, int bytes) {
    for (int i = bytes - 1; i >= 0; i--) out.write((int) (value >>> (8 * i)));
  }

  private static void writeVarint(ByteArrayOutputStream out, int value) {
    while ((value & ~0x7F) != 0) {
      out.write((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write(value);
  }

  private static int readVarint(ByteBuffer in) {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (!in.hasRemaining()) throw new IllegalArgumentException("truncated");
      byte b = in.get();
      value |= (b & 0x7F) << shift;
      if (b >= 0) return value;
    }
    throw new IllegalArgumentException("varint too long");
  }
}
