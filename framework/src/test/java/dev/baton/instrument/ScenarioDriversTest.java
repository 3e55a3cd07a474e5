package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.jdbc.FakeDriver;
import dev.baton.jdbc.JdbcReplayMain;
import dev.baton.jdbc.JdbcScenarios;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JDBC's {@code DriverManager} in every schedule: a driver found through {@code
 * META-INF/services} (this module's {@link FakeDriver}) answers each schedule with the class its
 * own loader defined, although {@code DriverManager} is the JDK's, shared by all schedules; the
 * drivers of schedules that ended do not stay registered (they would keep their loaders alive).
 */
class ScenarioDriversTest {

  @Test
  void theDriverOfEachSchedulesOwnLoaderAnswersInEverySchedule() {
    ExplorationResult result =
        Interleavings.configure().schedules(6).explore(JdbcScenarios::twoThreadsConnect);

    assertThat(result.schedules()).isEqualTo(6);
  }

  @Test
  void aStaticInitialiserThatConnectsFindsItsSchedulesDriver() {
    ExplorationResult result =
        Interleavings.configure().schedules(4).explore(JdbcScenarios::connectFromAStaticInitialiser);

    assertThat(result.schedules()).isEqualTo(4);
  }

  @Test
  void schedulesRunAtOnceEachFindTheirOwnDriver() {
    ExplorationResult result = Interleavings.configure().parallelism(2).schedules(12)
        .explore(JdbcScenarios::twoThreadsConnect);

    assertThat(result.schedules()).isEqualTo(12);
    assertThat(result.note()).contains("at a time");
  }

  @Test
  void aDriverNamedByTheJdbcDriversPropertyIsLoadedForEachSchedule() {
    String before = System.getProperty("jdbc.drivers");
    System.setProperty("jdbc.drivers", "dev.baton.jdbc.NamedByPropertyDriver");
    try {
      ExplorationResult result = Interleavings.configure().schedules(3)
          .explore(JdbcScenarios::connectThroughADriverNamedByProperty);

      assertThat(result.schedules()).isEqualTo(3);
    } finally {
      if (before == null) System.clearProperty("jdbc.drivers");
      else System.setProperty("jdbc.drivers", before);
    }
  }

  @Test
  void withSharedStaticStateOneExplorationAfterAnotherFindsItsDriver() {
    for (int exploration = 0; exploration < 2; exploration++) {
      ExplorationResult result = Interleavings.configure().freshStatics(false).schedules(3)
          .explore(JdbcScenarios::connectOnce);

      assertThat(result.schedules()).isEqualTo(3);
    }
  }

  @Test
  void driversOfEarlierSchedulesAreNotLeftRegistered() {
    Interleavings.configure().schedules(8).explore(JdbcScenarios::twoThreadsConnect);

    List<Driver> fromScenarios = DriverRegistry.open().orElseThrow().drivers().stream()
        .filter(d -> d.getClass().getName().equals(FakeDriver.class.getName()))
        .filter(d -> RuntimeDefinedClasses.scenarioLoaderOf(d.getClass().getClassLoader()) != null)
        .toList();
    // The last schedule's, until the next schedule that asks DriverManager moves it out.
    assertThat(fromScenarios).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void aBugAfterConnectingIsFoundAndItsTokenReplaysIt() throws Exception {
    InterleavingFailure found = catchThrowableOfType(InterleavingFailure.class, () ->
        Interleavings.configure().seed(42).explore(JdbcScenarios::lostUpdateAfterConnecting));
    assertThat(found).as("Baton should find the lost update").isNotNull();
    assertThat(found.getCause()).hasMessageStartingWith("lost update");
    // (With this seed, schedule 14: a loader other than the one DriverManager first loaded through.)
    assertThat(found.schedule()).as("the schedule that failed").isGreaterThan(1);

    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class, () ->
        Interleavings.configure().replay(found.replayToken())
            .explore(JdbcScenarios::lostUpdateAfterConnecting));

    assertThat(replayed).as("the replay of " + found.replayToken()).isNotNull();
    assertThat(replayed.trace()).isEqualTo(found.trace());
    assertThat(replayed.getCause()).hasMessage(found.getCause().getMessage());
    assertThat(replayedInAJvmOfItsOwn(found.replayToken()))
        .as("the trace of the replay in a JVM whose first JDBC use it is")
        .isEqualTo(found.trace());
  }

  /**
   * The trace of replaying {@code token} in a new JVM, where {@code DriverManager} loads its
   * drivers (making a {@link FakeDriver}) during that replay: that must not be a step of it.
   */
  private static String replayedInAJvmOfItsOwn(String token) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-cp",
            System.getProperty("java.class.path"), JdbcReplayMain.class.getName(), token)
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    int start = output.indexOf("TRACE>>>");
    int end = output.indexOf("<<<TRACE");
    assertThat(start).as(output).isNotNegative();
    return output.substring(start + "TRACE>>>".length(), end);
  }
}
