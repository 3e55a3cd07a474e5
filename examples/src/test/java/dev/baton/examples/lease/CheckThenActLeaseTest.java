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
  void batonFindsTheCheckThenActAndItsTokenReplaysIt() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Linearizability.check(CheckThenActLeaseDemo.class, LincheckMode.BATON));

    assertThat(failure).isNotNull();
    assertThat(failure.getMessage())
        .contains("not linearizable", "-Dbaton.replay=" + failure.replayToken());
    // Two callers were told they took the lease, or both that they gave it back: the
    // check-then-act shows either way, depending on the scenario the seed draws.
    String table = failure.getCause().getMessage().split("Calls and returns")[0];
    assertThat(Math.max(count(table, "tryAcquire\\(\\d\\): true"), count(table, "release\\(\\d\\): true")))
        .as("operations that all succeeded at once").isGreaterThanOrEqualTo(2);

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

  private static long count(String text, String regex) {
    return Pattern.compile(regex).matcher(text).results().count();
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
