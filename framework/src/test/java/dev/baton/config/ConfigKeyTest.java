package dev.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.lincheck.Linearizability;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The key list is complete, documented and usable to generate the reference table. */
class ConfigKeyTest {

  @Test
  void everyKeyIsDocumentedOnceWithItsDefaultAndValidValues() {
    List<String> names = Arrays.stream(ConfigKey.values()).map(ConfigKey::key).toList();
    assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.startsWith("baton."));
    for (ConfigKey key : ConfigKey.values()) {
      assertThat(key.meaning()).as(key.key()).isNotBlank();
      assertThat(key.defaultValue()).as(key.key()).isNotBlank();
      assertThat(key.validValues()).as(key.key()).isNotBlank();
      if (key.isWholeNumber()) {
        assertThat(key.min()).as(key.key()).isLessThanOrEqualTo(key.max());
        assertThat(key.example()).as(key.key()).isNotBlank();
      }
      assertThat(ConfigKey.named(key.key())).contains(key);
    }
    assertThat(ConfigKey.named("baton.nonsense")).isEmpty();
  }

  @Test
  void theBridgesKeysAreListed() {
    for (String key : List.of(Linearizability.ITERATIONS, Linearizability.INVOCATIONS,
        Linearizability.THREADS, Linearizability.ACTORS_PER_THREAD,
        Linearizability.TIMEOUT_SECONDS, Linearizability.MINIMIZE, "baton.jcstress.mode",
        "baton.jcstress.args", "baton.jcstress.timeoutSeconds", "baton.jcstress.maxSchedules")) {
      assertThat(ConfigKey.named(key)).as(key).isPresent();
    }
  }

  @Test
  void aWholeNumberOutOfRangeIsAProblemNamingTheKeyTheRangeAndAnExample() {
    Configuration c = Configuration.from(parameters(Map.of("baton.parallelism", "2000")));

    assertThat(c.whole(ConfigKey.PARALLELISM)).isNull();
    assertThat(c.problems()).containsExactly("the JUnit configuration parameter"
        + " baton.parallelism=2000 is not valid. Fix: pass a whole number from 0 to 1024, for"
        + " example -Dbaton.parallelism=4 (0 uses every core).");
  }

  @Test
  void aSystemPropertyWinsAndBlankMeansUnset() {
    String previous = System.setProperty("baton.pctDepth", "5");
    try {
      Configuration c = Configuration.from(parameters(Map.of("baton.pctDepth", "7",
          "baton.maxSteps", "  ")));
      assertThat(c.whole(ConfigKey.PCT_DEPTH)).isEqualTo(5);
      assertThat(c.whole(ConfigKey.MAX_STEPS)).isNull();
      assertThat(c.problems()).isEmpty();
    } finally {
      if (previous == null) System.clearProperty("baton.pctDepth");
      else System.setProperty("baton.pctDepth", previous);
    }
  }

  private static java.util.function.Function<String, Optional<String>> parameters(
      Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }
}
