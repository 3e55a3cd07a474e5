package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * When Baton cannot attach its agent, every Baton test fails, saying why and what to do: never
 * skipped, never passing (a concurrency test that silently passes is the worst outcome). Proved in
 * a fresh JVM started with attaching disabled. ({@link GradleLikeRunTest} runs the same two tests
 * in a fresh JVM that can attach: one passes, one fails with its interleaving.)
 */
class AgentFailureTest {
  @Test
  void everyTestFailsLoudlyWhenAttachingIsDisabled() throws Exception {
    String output = runWith("-XX:+DisableAttachMechanism");

    List<String> results = output.lines().filter(l -> l.startsWith("RESULT ")).toList();
    assertThat(results).as(output).hasSize(2);
    for (String result : results) {
      assertThat(result)
          .contains(" FAILED BatonEngineException: Baton could not attach its agent")
          .contains("remove -XX:+DisableAttachMechanism")
          .doesNotContain("SUCCESSFUL", "SKIPPED", "ABORTED");
    }
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void everyTestFailsLoudlyWhenDynamicAgentsAreRefused() throws Exception {
    String output = runWith("-XX:-EnableDynamicAgentLoading");

    List<String> results = output.lines().filter(l -> l.startsWith("RESULT ")).toList();
    assertThat(results).as(output).hasSize(2)
        .allSatisfy(r -> assertThat(r).contains(" FAILED BatonEngineException: Baton could not attach")
            .contains("-XX:-EnableDynamicAgentLoading"));
  }

  private static String runWith(String jvmOption) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), jvmOption,
        "-Dbaton.reportDir=" + Path.of("target", "baton-agent-failure").toAbsolutePath(),
        "-cp", System.getProperty("java.class.path"), LauncherRun.class.getName()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
