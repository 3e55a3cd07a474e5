package dev.baton.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * JaCoCo's probes are no scheduling points: the same seeds find the same failures with the same
 * replay tokens and traces in this JVM, which runs JaCoCo's agent, as in a fresh JVM without it.
 * Were Baton to rewrite the probe stores JaCoCo adds to every method (it rewrites classes after
 * JaCoCo now, so that coverage counts), each would be an extra scheduling point and the tokens
 * would differ.
 */
class CoverageTokensTest {
  private static final long[] SEEDS = {1, 2, 3, 11};

  @Test
  void tokensAreTheSameWithAndWithoutJacoco() throws Exception {
    List<String> withJacoco = outcomes();
    assertThat(withJacoco.get(0)).as("this JVM runs JaCoCo's agent").isEqualTo("jacoco=true");
    assertThat(withJacoco).as("the lost update is found")
        .anyMatch(line -> line.contains(" token="));

    List<String> withoutJacoco = runWithoutJacoco();
    assertThat(withoutJacoco.get(0)).as("the fresh JVM runs no JaCoCo").isEqualTo("jacoco=false");
    assertThat(withoutJacoco.subList(1, withoutJacoco.size()))
        .isEqualTo(withJacoco.subList(1, withJacoco.size()));
  }

  /** Prints {@link #outcomes()}, one a line, for the fresh JVM. */
  public static void main(String[] args) {
    outcomes().forEach(System.out::println);
    System.out.flush();
    System.exit(0);
  }

  /** Whether JaCoCo instrumented this JVM's classes, then each seed's token and trace. */
  private static List<String> outcomes() {
    List<String> lines = new ArrayList<>();
    lines.add("jacoco=" + hasJacocoProbes(HitCounter.class));
    for (long seed : SEEDS) {
      try {
        Interleavings.configure().seed(seed).explore(HitCounterTest::twoPlainHits);
        lines.add("seed=" + seed + " passed");
      } catch (InterleavingFailure failure) {
        lines.add("seed=" + seed + " token=" + failure.replayToken());
        lines.add("seed=" + seed + " trace=" + failure.trace().toString().replace('\n', '|'));
      }
    }
    return lines;
  }

  private static List<String> runWithoutJacoco() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(), "-cp", System.getProperty("java.class.path"),
                CoverageTokensTest.class.getName())
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    // A guard against a hung child, not a timed assertion.
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isZero();
    return text.lines()
        .filter(line -> line.startsWith("jacoco=") || line.startsWith("seed="))
        .toList();
  }

  private static boolean hasJacocoProbes(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods()).map(Method::getName)
        .anyMatch(name -> name.equals("$jacocoInit"));
  }
}
