package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * HotSpot compiles synchronized blocks and methods as Baton rewrites them. A method the JIT refuses
 * runs interpreted for ever, and every short-lived thread that runs it pays for that: with its
 * monitors rewritten the plain way, a 20-thread scenario ran at half the speed.
 */
class MonitorJitTest {

  @Test
  void bothCompilersCompileTheRewrittenMonitors() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(
            // synchronous compiles, and each method compiled on its own rather than inlined into
            // the reflective caller, so that each gets its own line
            // tokens whatever the JDK: compiling does not depend on virtual threads
            java.toString(), "-D" + TokenLocking.PROPERTY + "=true",
            "-Xbatch", "-XX:+PrintCompilation",
            "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=dontinline,dev.baton.instrument.samples.Monitors::*",
            "-cp", System.getProperty("java.class.path"), MonitorJitProbe.class.getName())
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();

    List<String> lines = output.lines().filter(l -> l.contains("samples.Monitors::")).toList();
    assertThat(lines).as(output).noneMatch(l -> l.contains("SKIPPED") || l.contains("bailout"));
    for (String method : MonitorJitProbe.METHODS) {
      // PrintCompilation's columns: time, id, flags, tier, method
      assertThat(lines).as(method + " compiled by C1 (tier 3) and C2 (tier 4)\n" + output)
          .anyMatch(l -> l.matches(".*\\s3\\s+dev\\.baton\\.instrument\\.samples\\.Monitors::"
              + method + " .*"))
          .anyMatch(l -> l.matches(".*\\s4\\s+dev\\.baton\\.instrument\\.samples\\.Monitors::"
              + method + " .*"));
    }
  }
}
