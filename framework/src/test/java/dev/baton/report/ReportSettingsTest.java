package dev.baton.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSettingsTest {
  @TempDir Path project;

  private ReportSettings read(Map<String, String> keys, Map<String, String> environment) {
    return ReportSettings.from(k -> Optional.ofNullable(keys.get(k)), environment, project);
  }

  @Test
  void defaultsToTargetBatonAndProgressOutsideCi() throws Exception {
    Files.writeString(project.resolve("pom.xml"), "<project/>");
    ReportSettings settings = read(Map.of(), Map.of());

    assertThat(settings.directory()).isEqualTo(project.resolve("target/baton"));
    assertThat(settings.progress()).isTrue();
    assertThat(settings.progressIntervalMillis()).isEqualTo(10_000);
  }

  @Test
  void aGradleProjectGetsBuildBaton() throws Exception {
    Files.writeString(project.resolve("build.gradle.kts"), "plugins { java }");

    assertThat(read(Map.of(), Map.of()).directory()).isEqualTo(project.resolve("build/baton"));
  }

  @Test
  void quietInCiUnlessAsked() {
    assertThat(read(Map.of(), Map.of("CI", "true")).progress()).isFalse();
    assertThat(read(Map.of("baton.progress", "true"), Map.of("CI", "true")).progress()).isTrue();
    assertThat(read(Map.of("baton.progress", "false"), Map.of()).progress()).isFalse();
    assertThat(read(Map.of(), Map.of("CI", "false")).progress()).isTrue();
  }

  @Test
  void keysOverrideTheDirectoryAndInterval() {
    ReportSettings settings =
        read(Map.of("baton.reportDir", "out/reports", "baton.progressSeconds", "30"), Map.of());

    assertThat(settings.directory()).isEqualTo(project.resolve("out/reports"));
    assertThat(settings.progressIntervalMillis()).isEqualTo(30_000);
  }

  @Test
  void malformedValuesNameTheKeyAndAValidValue() {
    assertThatThrownBy(() -> read(Map.of("baton.progress", "sometimes"), Map.of()))
        .hasMessageContaining("baton.progress=sometimes is not valid")
        .hasMessageContaining("true, false or auto");
    assertThatThrownBy(() -> read(Map.of("baton.progressSeconds", "0"), Map.of()))
        .hasMessageContaining("baton.progressSeconds=0 is not valid")
        .hasMessageContaining("-Dbaton.progressSeconds=30");
  }
}
