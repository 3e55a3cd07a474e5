package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.runtime.Hooks;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BatonAgentTest {

  @Test
  void runtimeIsOnTheBootstrapClassPath() {
    BatonAgent.install();
    assertThat(Hooks.class.getClassLoader()).isNull();
  }

  @Test
  void installingTwiceReturnsTheSameInstrumentation() {
    assertThat(BatonAgent.install()).isSameAs(BatonAgent.install());
  }

  @Test
  void runtimeClassListNamesEveryClassOfTheRuntimePackage() throws IOException, URISyntaxException {
    Path dir = Path.of(BatonAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("dev/baton/runtime");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> "dev/baton/runtime/" + p.getFileName().toString().replace(".class", "")))
          .containsExactlyInAnyOrderElementsOf(BatonAgent.RUNTIME_CLASSES);
    }
  }

  @Test
  void installsInANewJvmThatHasLoadedNothingElse() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(
            java.toString(), "-cp", System.getProperty("java.class.path"),
            FreshJvmInstall.class.getName())
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
    assertThat(output).contains("installed");
  }

  @Test
  void lockSupportStillParksAndUnparksForUnmanagedThreads() throws InterruptedException {
    BatonAgent.install();
    Thread parker = new Thread(java.util.concurrent.locks.LockSupport::park);
    parker.start();
    while (parker.getState() != Thread.State.WAITING) Thread.onSpinWait();
    java.util.concurrent.locks.LockSupport.unpark(parker);
    parker.join(10_000);
    assertThat(parker.isAlive()).isFalse();
  }
}
