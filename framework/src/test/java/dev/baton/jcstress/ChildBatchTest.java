package dev.baton.jcstress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child JVM's command, and the clean-up of a whole process tree on timeout and cancellation. */
class ChildBatchTest {
  @TempDir Path dir;

  /** A parent that starts two long sleeps and records their process ids. */
  private static List<String> tree() {
    return List.of("bash", "-c",
        "sleep 120 & echo $! > pids; sleep 120 & echo $! >> pids; echo started; wait");
  }

  private static void assertAllGone(ChildBatch.Outcome outcome) throws Exception {
    List<String> pids = Files.readAllLines(outcome.directory().resolve("pids"));
    assertThat(pids).hasSize(2);
    for (String pid : pids) {
      assertThat(ProcessHandle.of(Long.parseLong(pid.trim())).map(ProcessHandle::isAlive))
          .as("sleep %s", pid).isNotEqualTo(java.util.Optional.of(true));
    }
  }

  private static void awaitPids(Path parent) throws Exception {
    for (int i = 0; i < 100; i++) {
      try (var dirs = Files.list(parent)) {
        if (dirs.anyMatch(d -> Files.isRegularFile(d.resolve("pids")))) return;
      }
      Thread.sleep(50);
    }
  }

  @Test
  void aTimeoutKillsTheWholeTree() throws Exception {
    ChildBatch.Outcome outcome = ChildBatch.run(tree(), dir, 1, () -> false);
    assertThat(outcome.end()).isEqualTo(ChildBatch.End.TIMED_OUT);
    assertThat(outcome.exitCode()).isEqualTo(-1);
    assertThat(Files.readString(outcome.log())).contains("started");
    assertAllGone(outcome);
  }

  @Test
  void cancellationKillsTheWholeTree() throws Exception {
    AtomicLong polls = new AtomicLong();
    ChildBatch.Outcome outcome = ChildBatch.run(tree(), dir, 60, () -> {
      if (polls.incrementAndGet() == 1) {
        try {
          awaitPids(dir);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      return polls.get() > 1;
    });
    assertThat(outcome.end()).isEqualTo(ChildBatch.End.CANCELLED);
    assertThat(outcome.millis()).isLessThan(60_000);
    assertAllGone(outcome);
  }

  @Test
  void aFinishedRunKeepsItsExitCodeAndLog() throws Exception {
    ChildBatch.Outcome outcome =
        ChildBatch.run(List.of("bash", "-c", "echo to-the-log; exit 3"), dir, 60, () -> false);
    assertThat(outcome.end()).isEqualTo(ChildBatch.End.FINISHED);
    assertThat(outcome.exitCode()).isEqualTo(3);
    assertThat(Files.readString(outcome.log())).isEqualTo("to-the-log\n");
    assertThat(outcome.resultFile()).isNull();
  }

  @Test
  void theCommandIsAPlainJavaWithTheClassPathAndAnExactTestFilter() {
    List<String> command = ChildBatch.command("a.jar:b", List.of("-m", "quick"),
        List.of("com.acme.A", "com.acme.A$B"));
    assertThat(command.get(0))
        .isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    assertThat(command.subList(1, command.size())).containsExactly("-cp", "a.jar:b",
        "org.openjdk.jcstress.Main", "-m", "quick", "-t",
        "^(\\Qcom.acme.A\\E|\\Qcom.acme.A$B\\E)$");
    assertThat(String.join(" ", command)).doesNotContain("-javaagent").doesNotContain("-Xmx");
    assertThat(java.util.regex.Pattern.compile(command.get(command.size() - 1))
        .matcher("com.acme.AB").find()).isFalse();
  }
}
