package dev.baton.examples.sessions;

import dev.baton.ExploreInterleavings;

/**
 * The raw failing test of incidents 001 and 002: in some schedule a lookup never ends. Its name
 * does not match Surefire's patterns, so the regular build skips it; run it to see the report:
 * {@code mvn test -Dtest=SessionLookupLoopDemo}.
 */
class SessionLookupLoopDemo {

  @ExploreInterleavings
  void twoRequestsThenAnExpiredCookie() throws InterruptedException {
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
}
