package dev.baton.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Strategy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationOverridesTest {

  @Test
  void readsEveryKeyAndIgnoresBlanks() {
    ConfigurationOverrides o = ConfigurationOverrides.from(
        Map.of("baton.schedules", "250", "baton.strategy", "pct", "baton.seed", "-9",
            "baton.replay", " ")::get);
    assertThat(o.schedules()).contains(250);
    assertThat(o.strategy()).contains(Strategy.PCT);
    assertThat(o.seed()).contains(-9L);
    assertThat(o.replay()).isEmpty();
  }

  @Test
  void badValuesNameTheKeyAndWhatIsAllowed() {
    assertThatThrownBy(() -> ConfigurationOverrides.from(Map.of("baton.schedules", "abc")::get))
        .hasMessageContaining("baton.schedules=abc").hasMessageContaining("at least 1");
    assertThatThrownBy(() -> ConfigurationOverrides.from(Map.of("baton.schedules", "0")::get))
        .hasMessageContaining("baton.schedules=0");
    assertThatThrownBy(() -> ConfigurationOverrides.from(Map.of("baton.strategy", "smart")::get))
        .hasMessageContaining("baton.strategy=smart").hasMessageContaining("[RANDOM, PCT, POS, EXHAUSTIVE]");
    assertThatThrownBy(() -> ConfigurationOverrides.from(Map.of("baton.seed", "1.5")::get))
        .hasMessageContaining("baton.seed=1.5");
  }
}
