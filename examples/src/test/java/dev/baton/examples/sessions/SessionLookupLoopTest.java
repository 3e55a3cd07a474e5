package dev.baton.examples.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExploreInterleavings;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import org.junit.jupiter.api.Test;

/**
 * Incidents 001 and 002, a service stuck in an endless loop: Baton finds the interleaving in which
 * two requests link {@link MoveToFrontSessionRegistry}'s list into a cycle, reports the loop where
 * it spins, replays it from its token, and passes the fixed {@link SynchronizedSessionRegistry}.
 */
class SessionLookupLoopTest {

  @Test
  void batonFindsTheEndlessLoopAndSaysWhereItSpins() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.explore(SessionLookupLoopTest::twoRequestsThenAnExpiredCookie));

    assertThat(failure).as("Baton should find the endless loop").isNotNull();
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.NON_TERMINATION);
    assertThat(failure.getMessage())
        .contains("main seems not to terminate")
        .contains("MoveToFrontSessionRegistry.userOf(MoveToFrontSessionRegistry.java:42)")
        .contains("-Dbaton.replay=" + failure.replayToken());
  }

  @Test
  void theTokenReplaysTheSameLoop() {
    InterleavingFailure found = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.explore(SessionLookupLoopTest::twoRequestsThenAnExpiredCookie));
    assertThat(found).as("Baton should find the endless loop").isNotNull();

    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(found.replayToken())
            .explore(SessionLookupLoopTest::twoRequestsThenAnExpiredCookie));

    assertThat(replayed).as("the replay should fail too").isNotNull();
    assertThat(replayed.kind()).isEqualTo(found.kind());
    assertThat(replayed.schedule()).isEqualTo(found.schedule());
    assertThat(replayed.trace()).isEqualTo(found.trace());
    assertThat(firstLine(replayed.getMessage())).isEqualTo(firstLine(found.getMessage()));
  }

  @ExploreInterleavings
  void synchronizedLookupsKeepEverySessionAndEnd() throws InterruptedException {
    SynchronizedSessionRegistry sessions = new SynchronizedSessionRegistry();
    sessions.add("s-dora", "dora");
    sessions.add("s-carol", "carol");
    sessions.add("s-bob", "bob");
    sessions.add("s-alice", "alice");
    String[] users = new String[2];
    Thread carol = new Thread(() -> users[0] = sessions.userOf("s-carol"), "carol");
    Thread dora = new Thread(() -> users[1] = sessions.userOf("s-dora"), "dora");
    carol.start();
    dora.start();
    carol.join();
    dora.join();
    assertThat(users).containsExactly("carol", "dora");
    assertThat(sessions.userOf("s-expired")).isNull();
    for (String user : new String[] {"alice", "bob", "carol", "dora"}) {
      assertThat(sessions.userOf("s-" + user)).isEqualTo(user);
    }
  }

  /**
   * Carol's and Dora's requests look up their sessions at the same time; then a request with an
   * expired cookie comes in. The list is alice, bob, carol, dora: both sessions move to the front.
   * Only the last lookup is checked: whether it ends is the point (the requests find their
   * sessions in every schedule; some schedules lose other sessions, a second symptom of the race).
   */
  static void twoRequestsThenAnExpiredCookie() throws InterruptedException {
    MoveToFrontSessionRegistry sessions = new MoveToFrontSessionRegistry();
    sessions.add("s-dora", "dora");
    sessions.add("s-carol", "carol");
    sessions.add("s-bob", "bob");
    sessions.add("s-alice", "alice");
    Thread carol = new Thread(() -> sessions.userOf("s-carol"), "carol");
    Thread dora = new Thread(() -> sessions.userOf("s-dora"), "dora");
    carol.start();
    dora.start();
    carol.join();
    dora.join();
    if (sessions.userOf("s-expired") != null) throw new AssertionError("an expired session was found");
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }
}
