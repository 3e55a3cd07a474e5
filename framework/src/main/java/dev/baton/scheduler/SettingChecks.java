package dev.baton.scheduler;

import dev.baton.config.ConfigKey;

/**
 * The range checks of the settings builders, with messages that name the setting, its value, the
 * valid values and the configuration key that sets it.
 */
final class SettingChecks {
  private SettingChecks() {}

  /** {@code value}, when at least {@code min}; the message says "it must be at least min". */
  static long atLeast(String setting, long value, long min, ConfigKey key) {
    return atLeast(setting, value, min, key, "at least " + min);
  }

  /** {@code value}, when at least {@code min}; the message says "it must be {@code valid}". */
  static long atLeast(String setting, long value, long min, ConfigKey key, String valid) {
    if (value < min) {
      throw new IllegalArgumentException(
          setting + " = " + value + ": it must be " + valid + " (key " + key.key() + ")");
    }
    return value;
  }
}
