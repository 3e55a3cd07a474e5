package dev.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;
import org.objectweb.asm.tree.ClassNode;

/**
 * {@code dev.baton.config} depends on nothing of Baton's but the API enum {@code Strategy}, so
 * that every other package may read configuration without a cycle.
 */
class ConfigPackageIsALeafTest {

  @Test
  void itsClassesReferToNoOtherBatonType() throws Exception {
    Set<String> batonTypes = new TreeSet<>();
    for (Path file : classFiles()) {
      referencedTypes(file).stream()
          .filter(t -> t.startsWith("dev/baton/") && !t.startsWith("dev/baton/config/"))
          .forEach(batonTypes::add);
    }
    assertThat(batonTypes).containsOnly("dev/baton/Strategy");
  }

  @Test
  void theCheckSeesAReferenceOutsideThePackage() throws Exception {
    // The check itself must be able to fail: a class of another package is found.
    Path elsewhere = Path.of(dev.baton.scheduler.ExplorationSettings.class
        .getResource("ExplorationSettings$Builder.class").toURI());
    assertThat(referencedTypes(elsewhere)).contains("dev/baton/config/ConfigKey");
  }

  private static Set<Path> classFiles() throws URISyntaxException, IOException {
    Path dir = Path.of(Defaults.class.getResource("Defaults.class").toURI()).getParent();
    try (Stream<Path> files = Files.list(dir)) {
      return Set.copyOf(files.filter(f -> f.toString().endsWith(".class")).toList());
    }
  }

  private static Set<String> referencedTypes(Path classFile) throws IOException {
    Set<String> types = new TreeSet<>();
    try (InputStream in = Files.newInputStream(classFile)) {
      new ClassReader(in).accept(new ClassRemapper(new ClassNode(), new Remapper() {
        @Override
        public String map(String internalName) {
          types.add(internalName);
          return internalName;
        }
      }), 0);
    }
    return types;
  }
}
