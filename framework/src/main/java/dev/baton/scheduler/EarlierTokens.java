package dev.baton.scheduler;

import dev.baton.InterleavingFailure.Kind;

/**
 * What a replay says about a token written by an earlier build ({@link
 * ReplayToken#fromEarlierPoints()}), whose scheduling points differed wherever the code allocates
 * objects or arrays or reads effectively immutable fields: a strict replay's divergence names that
 * cause and the fix (record the token again), not only a change of the code; a pinned replay that
 * passed (diverged or not) says that it may not have followed the recorded way.
 */
final class EarlierTokens {
  private EarlierTokens() {}

  /** {@code failure}, with the earlier build named as the likely cause of a divergence. */
  static Failure explain(Failure failure, ReplayToken token) {
    if (failure == null || token == null || !token.fromEarlierPoints()
        || failure.kind() != Kind.DIVERGENCE) {
      return failure;
    }
    return new Failure(failure.kind(), failure.headline() + ". " + cause(token),
        failure.cause(), failure.blocked(), failure.details());
  }

  /** Sentences to add to the note of a replay that passed, or empty. */
  static String note(ReplayToken token) {
    if (!token.fromEarlierPoints()) return "";
    return " " + cause(token) + " If it pinned a failure that is not fixed yet, this replay may"
        + " have followed another way.";
  }

  private static String cause(ReplayToken token) {
    return "The token was written by an earlier Baton (token version " + token.version()
        + ", this build writes " + ReplayToken.VERSION + "), which also stopped at accesses to"
        + " objects and arrays no other thread could see yet and at reads of fields no thread"
        + " writes after construction, so its choices need not fit this build's scheduling"
        + " points. Record it again: run the test without the replay token,"
        + " then pin the token its failure prints.";
  }
}
