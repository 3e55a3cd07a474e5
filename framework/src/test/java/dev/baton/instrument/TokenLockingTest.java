package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a managed thread may hold a real monitor while it waits for the baton. */
class TokenLockingTest {

  @Test
  void safeWhereNoVirtualThreadPinsItsCarrierHoldingAMonitor() {
    assertThat(TokenLocking.safeOn(17, null)).isTrue();
    assertThat(TokenLocking.safeOn(19, null)).isFalse(); // virtual threads as a preview
    assertThat(TokenLocking.safeOn(24, null)).isFalse(); // the mode unknown: maybe legacy
    assertThat(TokenLocking.safeOn(26, null)).isTrue();
    assertThat(TokenLocking.safeOn(26, "1")).isFalse();
    assertThat(TokenLocking.safeOn(21, "2")).isFalse();
    assertThat(TokenLocking.safeOn(23, "2")).isFalse();
    assertThat(TokenLocking.safeOn(24, "2")).isTrue();
    assertThat(TokenLocking.safeOn(25, "2")).isTrue();
    assertThat(TokenLocking.safeOn(25, "1")).isFalse(); // legacy locking still pins
  }
}
