package dev.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * Every public type of the framework says, with apiguardian's {@link API}, whether users may rely
 * on it; the STABLE ones are exactly the public contract. {@code scripts/api-status.py} marks new
 * types. The exception is {@code dev.baton.runtime}, which the bootstrap class loader loads: it
 * cannot see apiguardian, so the package says in its javadoc that it is internal.
 */
class ApiStatusTest {

  @Test
  void everyPublicTypeHasAStatusAndTheStableOnesAreTheContract() throws Exception {
    Map<String, API.Status> statuses = new TreeMap<>();
    List<String> unmarked = new ArrayList<>();
    for (Class<?> type : publicTopLevelTypes()) {
      API api = type.getAnnotation(API.class);
      if (api == null) unmarked.add(type.getName());
      else statuses.put(type.getName(), api.status());
    }

    assertThat(unmarked).as("run scripts/api-status.py").isEmpty();
    assertThat(statuses.entrySet().stream().filter(e -> e.getValue() == API.Status.STABLE)
        .map(Map.Entry::getKey))
        .containsExactlyInAnyOrder("dev.baton.AfterSchedule", "dev.baton.BeforeSchedule",
            "dev.baton.ExplorationResult", "dev.baton.ExploreInterleavings",
            "dev.baton.InterleavingFailure", "dev.baton.Interleavings", "dev.baton.Scenario",
            "dev.baton.Strategy");
    assertThat(statuses).containsEntry("dev.baton.scheduler.Explorer", API.Status.INTERNAL)
        .containsEntry("dev.baton.config.ConfigKey", API.Status.EXPERIMENTAL);
  }

  /** The framework's public top-level classes, from its compiled classes directory. */
  private static List<Class<?>> publicTopLevelTypes() throws Exception {
    Path classes = Path.of(dev.baton.Strategy.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes.resolve("dev/baton"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(f).toString().replace('/', '.').replace(".class", "");
        if (name.contains("$") || name.startsWith("dev.baton.runtime.")) continue;
        Class<?> type = Class.forName(name, false, ApiStatusTest.class.getClassLoader());
        if (Modifier.isPublic(type.getModifiers())) types.add(type);
      }
    }
    assertThat(types).hasSizeGreaterThan(40);
    return types;
  }
}
