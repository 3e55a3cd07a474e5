package dev.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Strategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reference table of {@code docs/configuration.md} agrees with {@link ConfigKey}: every key,
 * no other, each with the key's attribute, default and valid values, so the page cannot drift
 * from the code that reads the keys.
 */
class ConfigurationDocTest {
  /** Surefire runs the framework's tests in {@code framework/}; the page is in the repository's docs. */
  private static final Path PAGE = Path.of("..", "docs", "configuration.md");

  /** The attribute cell of a key that no annotation attribute overrides. */
  private static final String NO_ATTRIBUTE = "—";

  @Test
  void theConfigurationPageListsEveryKeyWithItsDefaultAndValidValues() throws IOException {
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    assertThat(disagreements(page)).isEmpty();
  }

  @Test
  void aMissingKeyAWrongDefaultAndAnUnknownKeyAreEachNamed() {
    String table = Arrays.stream(ConfigKey.values())
        .filter(k -> k != ConfigKey.SHARD)
        .map(k -> k == ConfigKey.SCHEDULES ? row(k).replace("| 1000 |", "| 500 |") : row(k))
        .collect(Collectors.joining("\n"))
        + "\n| `baton.nonsense` | — | 1 | anything | not a key |";
    assertThat(disagreements(table)).containsExactlyInAnyOrder(
        "baton.shard is not in the table",
        "baton.schedules: default is '500' in the table, '1000' in ConfigKey",
        "baton.nonsense is in the table but not a ConfigKey");
  }

  @Test
  void aTableBuiltFromTheKeysAgrees() {
    String table = Arrays.stream(ConfigKey.values()).map(ConfigurationDocTest::row)
        .collect(Collectors.joining("\n"));
    assertThat(disagreements(table)).isEmpty();
  }

  @Test
  void theStrategyKeyNamesEveryStrategy() {
    for (Strategy s : Strategy.values()) {
      assertThat(ConfigKey.STRATEGY.validValues()).as("valid values of baton.strategy")
          .contains(s.name());
    }
  }

  /** A row as the page writes it: key, attribute, default, valid values, meaning. */
  private static String row(ConfigKey k) {
    return "| `" + k.key() + "` | " + k.attribute().map(a -> "`" + a + "`").orElse(NO_ATTRIBUTE)
        + " | " + k.defaultValue() + " | " + k.validValues() + " | " + k.meaning() + " |";
  }

  /** What differs between the page's table rows of {@code baton.*} keys and {@link ConfigKey}. */
  static List<String> disagreements(String page) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : page.split("\n")) {
      if (!line.startsWith("| `baton.")) continue;
      List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
          .map(c -> c.trim().replace("`", "")).toList();
      rows.put(cells.get(0), cells);
    }
    List<String> problems = new ArrayList<>();
    for (ConfigKey k : ConfigKey.values()) {
      List<String> cells = rows.remove(k.key());
      if (cells == null) {
        problems.add(k.key() + " is not in the table");
        continue;
      }
      if (cells.size() < 5) {
        problems.add(k.key() + ": the row needs key, attribute, default, valid values, meaning");
        continue;
      }
      compare(problems, k, "attribute", cells.get(1), k.attribute().orElse(NO_ATTRIBUTE));
      compare(problems, k, "default", cells.get(2), k.defaultValue());
      compare(problems, k, "valid values", cells.get(3), k.validValues());
    }
    rows.keySet().forEach(key -> problems.add(key + " is in the table but not a ConfigKey"));
    return problems;
  }

  private static void compare(
      List<String> problems, ConfigKey k, String column, String documented, String actual) {
    if (!documented.equals(actual)) {
      problems.add(k.key() + ": " + column + " is '" + documented + "' in the table, '" + actual
          + "' in ConfigKey");
    }
  }
}
