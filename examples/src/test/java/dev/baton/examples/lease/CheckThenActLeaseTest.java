package dev.baton.examples.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.lincheck.LincheckFailure;
import dev.baton.lincheck.LincheckMode;
import dev.baton.lincheck.Linearizability;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What Baton and Lincheck report for {@link CheckThenActLeaseDemo}, checked from code. */
class CheckThenActLeaseTest {

  @Test
  void batonFindsTwoHoldersAndItsTokenReplaysThem() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Linearizability.check(CheckThenActLeaseDemo.class, LincheckMode.BATON));

    assertThat(failure).isNotNull();
    assertThat(failure.getMessage())
        .contains("not linearizable", "-Dbaton.replay=" + failure.replayToken());
    // Two callers were told they hold the lease.
    String table = failure.getCause().getMessage().split("Calls and returns")[0];
    assertThat(Pattern.compile("tryAcquire\\(\\d\\): true").matcher(table).results().count())
        .as("callers told they hold the lease").isGreaterThanOrEqualTo(2);

    // The token replays the same schedule: same scenario, same interleaving, same history.
    String previous = System.setProperty("baton.replay", failure.replayToken());
    try {
      InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
          () -> Linearizability.check(CheckThenActLeaseDemo.class, LincheckMode.BATON));
      assertThat(replayed).isNotNull();
      assertThat(replayed.trace()).isEqualTo(failure.trace());
      assertThat(replayed.getCause().getMessage()).isEqualTo(failure.getCause().getMessage());
    } finally {
      if (previous == null) System.clearProperty("baton.replay");
      else System.setProperty("baton.replay", previous);
    }
  }

  @Test
  void lincheckFindsItToo() {
    LincheckFailure failure = catchThrowableOfType(LincheckFailure.class,
        () -> Linearizability.check(CheckThenActLeaseDemo.class, LincheckMode.MODEL_CHECKING));

    assertThat(failure).isNotNull();
    assertThat(failure.getMessage().lines().findFirst().orElseThrow()).isEqualTo(
        "Lincheck model checking found invalid execution results in CheckThenActLeaseDemo"
            + " (10 iterations x 500 invocations, 2 threads x 2 operations)");
  }
}
