package dev.baton.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Strategy;
import org.junit.jupiter.api.Test;

class ReplayTokenTest {

  @Test
  void roundTripsEveryField() {
    int[] choices = {0, 0, 0, 1, 2, 2, 1, 0, 300, 300, 70000};
    ReplayToken token =
        new ReplayToken("a.B#c".hashCode(), Strategy.PCT, -1234567890123L, 17, 250, true, choices);
    ReplayToken back = ReplayToken.decode(token.encode(), "baton.replay");
    assertThat(back.scenarioHash()).isEqualTo("a.B#c".hashCode());
    assertThat(back.strategy()).isEqualTo(Strategy.PCT);
    assertThat(back.seed()).isEqualTo(-1234567890123L);
    assertThat(back.schedule()).isEqualTo(17);
    assertThat(back.maxPauseMillis()).isEqualTo(250);
    assertThat(back.spuriousWakeups()).isTrue();
    assertThat(back.choices()).containsExactly(choices);
  }

  @Test
  void aVersionOneTokenReplaysWithoutPausesOrSpuriousWakeups() {
    // Recorded before tokens carried those settings: no pause could have been chosen then.
    ReplayToken old = ReplayToken.decode("AUj6UYQAKsQwcFQhZyoECAABAQECAgEBAAEBAQABN_z4Qw", "baton.replay");
    assertThat(old.schedule()).isEqualTo(4);
    assertThat(old.maxPauseMillis()).isZero();
    assertThat(old.spuriousWakeups()).isFalse();
    assertThat(old.choices()).isNotEmpty();
  }

  @Test
  void isCopyPasteableAndCompactForLongRuns() {
    int[] choices = new int[1000];
    for (int i = 0; i < choices.length; i++) choices[i] = (i / 50) % 3;
    String encoded = new ReplayToken(1, Strategy.RANDOM, 42, 1, 1000, false, choices).encode();
    assertThat(encoded).matches("[A-Za-z0-9_-]+").hasSizeLessThan(120);
  }

  @Test
  void rejectsAChangedTokenNamingTheOrigin() {
    String encoded = new ReplayToken(1, Strategy.POS, 7, 3, 1000, false, new int[] {0, 1, 0, 1}).encode();
    char last = encoded.charAt(10);
    String changed = encoded.substring(0, 10) + (last == 'A' ? 'B' : 'A') + encoded.substring(11);
    assertThatThrownBy(() -> ReplayToken.decode(changed, "@ExploreInterleavings(replay)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("@ExploreInterleavings(replay) = ")
        .hasMessageContaining("checksum");
  }

  @Test
  void rejectsTextThatIsNoToken() {
    assertThatThrownBy(() -> ReplayToken.decode("12345", "baton.replay"))
        .hasMessageContaining("baton.replay")
        .hasMessageContaining("not a Baton replay token");
    assertThatThrownBy(() -> ReplayToken.decode("hello world!", "baton.replay"))
        .hasMessageContaining("not a Baton replay token");
  }
}
