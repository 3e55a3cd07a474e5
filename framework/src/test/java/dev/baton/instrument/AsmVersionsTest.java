package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An older ASM on the class path is named, with the fix; the build's own passes. */
class AsmVersionsTest {

  @Test
  void theAsmOfThisBuildPasses() {
    assertThatCode(AsmVersions::check).doesNotThrowAnyException();
  }

  @Test
  void anOlderAnalysisJarIsNamedWithWhereItCameFromAndTheFix() {
    Map<String, String> found = new LinkedHashMap<>();
    found.put("asm", "9.9");
    found.put("asm-analysis", "9.6");
    found.put("asm-tree", null);

    String problem =
        AsmVersions.problem(found, Map.of("asm-analysis", "file:/m2/asm-analysis-9.6.jar"));

    assertThat(problem)
        .startsWith("Baton needs ASM 9.9 or later, but the class path has org.ow2.asm:asm-analysis"
            + " 9.6 (file:/m2/asm-analysis-9.6.jar).")
        .contains("Pin org.ow2.asm:asm, asm-tree, asm-commons and asm-analysis to 9.9")
        .doesNotContain("asm-tree 9");
  }

  @Test
  void newerAndUnknownVersionsPass() {
    assertThat(AsmVersions.problem(Map.of("asm", "9.10.1", "asm-tree", "10.0"), Map.of())).isNull();
    Map<String, String> unknown = new LinkedHashMap<>();
    unknown.put("asm", null);
    assertThat(AsmVersions.problem(unknown, Map.of())).isNull();
  }

  @Test
  void versionsCompareByNumberNotByText() {
    assertThat(AsmVersions.isOlder("9.6", "9.9")).isTrue();
    assertThat(AsmVersions.isOlder("9.10", "9.9")).isFalse();
    assertThat(AsmVersions.isOlder("9.9", "9.9")).isFalse();
    assertThat(AsmVersions.isOlder("9.9.1", "9.9")).isFalse();
    assertThat(AsmVersions.isOlder("8.0.1", "9.9")).isTrue();
    assertThat(AsmVersions.isOlder("9.9-SNAPSHOT", "9.9")).isFalse();
  }
}
