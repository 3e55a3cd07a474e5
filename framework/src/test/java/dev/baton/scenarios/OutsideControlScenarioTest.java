package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A thread that leaves Baton's control is named with the reason its stack shows. */
class OutsideControlScenarioTest {
  @Test
  void theWatchdogFailureOfARealScheduleNamesTheJdkWait() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().schedules(1).seed(1).watchdog(Duration.ofSeconds(1))
            .explore(OutsideControlScenarioTest::readsAPipeNobodyWrites));
    assertThat(failure).isNotNull();
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.UNCONTROLLED);
    assertThat(failure.getMessage())
        .contains("it is in Object.wait inside JDK class java.io.PipedInputStream");
  }

  static void readsAPipeNobodyWrites() throws Exception {
    PipedInputStream in = new PipedInputStream();
    PipedOutputStream out = new PipedOutputStream(in);
    Thread reader = new Thread(() -> {
      try {
        in.read();
      } catch (java.io.IOException e) {
        // the pipe broke at the end of the schedule
      }
    });
    reader.start();
    reader.join();
    out.close();
  }

  /**
   * A static initialiser that works for longer than the watchdog (a heavy library's first schedule
   * on a slow machine) is not a thread gone outside Baton's control: it uses the CPU on classes.
   */
  @Test
  void aStaticInitialiserBusyForLongerThanTheWatchdogIsNotReported() {
    var result = Interleavings.configure().schedules(1).seed(1).watchdog(Duration.ofSeconds(1))
        .explore(SlowInitScenarios::slowInitialiser);
    assertThat(result.schedules()).isEqualTo(1);
  }

  /** ... within bounds: past six times the watchdog, it is reported, naming the initialiser. */
  @Test
  void aStaticInitialiserBusyForFarLongerIsReportedNamingTheClass() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().schedules(1).seed(1).watchdog(Duration.ofMillis(500))
            .explore(SlowInitScenarios::tooSlowInitialiser));
    assertThat(failure).isNotNull();
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.UNCONTROLLED);
    assertThat(failure.getMessage())
        .contains("running the static initialiser of class " + SlowInitScenarios.class.getName()
            + "$EightSeconds");
  }
}
