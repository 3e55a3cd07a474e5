package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Gradle's JUnit Platform support does, short of Gradle itself (which these machines cannot
 * install): a fresh JVM whose working directory is the project directory runs the launcher with
 * Baton and a {@code junit-platform.properties} on the test class path. The engine is found, the
 * properties apply, and the failure's HTML report lands in {@code build/baton}.
 */
class GradleLikeRunTest {
  @TempDir Path project;

  @Test
  void aGradleProjectGetsItsReportsInBuildBatonAndItsPropertiesApplied() throws Exception {
    Files.writeString(project.resolve("build.gradle.kts"), "plugins { java }\n");
    Path resources = Files.createDirectories(project.resolve("build/resources/test"));
    Files.writeString(resources.resolve("junit-platform.properties"),
        "baton.seed=12345\nbaton.progress=false\n");

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(List.of(java.toString(),
            "-D" + BuildTool.GRADLE_WORKER_PROPERTY + "=1", // as Gradle's test worker has it
            "-cp", resources + File.pathSeparator + System.getProperty("java.class.path"),
            LauncherRun.class.getName()))
        .directory(project.toFile())
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();

    assertThat(output).contains("RESULT passes() SUCCESSFUL")
        .contains("RESULT fails() FAILED InterleavingFailure")
        .contains("strategy RANDOM, seed 12345") // the properties file applied
        // Gradle's replay command first, Maven's beside it
        .containsPattern("\\./gradlew test --tests"
            + " 'dev\\.baton\\.engine\\.fixtures\\.execution\\.FailingScenarios\\.fails'"
            + " -Dbaton\\.replay=\\S+\\|  mvn test -Dtest=FailingScenarios#fails -Dbaton\\.replay=");
    Matcher timeline = Pattern.compile("Timeline: (file:\\S+?\\.html)").matcher(output);
    assertThat(timeline.find()).as(output).isTrue();
    Path html = Path.of(URI.create(timeline.group(1)));
    assertThat(html).startsWith(project.resolve("build/baton").toRealPath()).isRegularFile();
  }
}
