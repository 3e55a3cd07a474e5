package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine knows bridges only through {@link BatonBridge}: no compiled engine class names a class
 * of the Lincheck or JCStress bridge, and both bridges are registered as services.
 */
class BridgeDirectionTest {

  @Test
  void noEngineClassReferencesABridgePackage() throws IOException, URISyntaxException {
    Path engine = Path.of(BatonTestEngine.class.getResource("BatonTestEngine.class").toURI())
        .getParent();
    List<Path> classes;
    try (Stream<Path> files = Files.list(engine)) {
      classes = files.filter(p -> p.toString().endsWith(".class")).toList();
    }
    assertThat(classes).hasSizeGreaterThan(10);
    for (Path c : classes) {
      // Class references sit in the constant pool as UTF-8 names: dev/baton/lincheck/...
      String pool = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
      assertThat(pool).as(c.getFileName().toString())
          .doesNotContain("dev/baton/lincheck/", "dev/baton/jcstress/");
    }
  }

  @Test
  void bothBridgesAreFoundInTheirOrder() {
    assertThat(Bridges.all()).extracting(b -> b.getClass().getName())
        .containsExactly("dev.baton.jcstress.JCStressEngineBridge", "dev.baton.lincheck.LincheckBridge");
  }
}
