package dev.baton.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;

/**
 * The three checks every JDK primitive gets: a correct use passes the default budget, a buggy use
 * is found, and the token of that failure replays it exactly.
 */
final class JdkExplorations {
  /** Seed of the explorations that must find a bug: fixed, so the build finds it the same way. */
  static final long FIND_SEED = 42;

  static final int DEFAULT_BUDGET = 1000;

  /** {@code -Dbaton.test.printReports=true} prints every report found, to review their wording. */
  private static final boolean PRINT_REPORTS = Boolean.getBoolean("baton.test.printReports");

  private JdkExplorations() {}

  /**
   * Explores {@code scenario} with the defaults users get (1000 schedules, PORTFOLIO, a fresh seed)
   * and checks that every schedule ran: a correct program must never be reported.
   */
  static ExplorationResult passesTheDefaultBudget(Scenario scenario) {
    ExplorationResult result = Interleavings.explore(scenario);
    assertThat(result.strategy()).isEqualTo(Strategy.PORTFOLIO);
    assertThat(result.schedules()).as("schedules explored").isEqualTo(DEFAULT_BUDGET);
    assertThat(result.complete()).as("PORTFOLIO never claims to be complete").isFalse();
    return result;
  }

  /** Explores {@code scenario} with {@code options}; the failure it must find. */
  static InterleavingFailure finds(Interleavings.Options options, Scenario scenario) {
    InterleavingFailure failure =
        catchThrowableOfType(InterleavingFailure.class, () -> options.explore(scenario));
    assertThat(failure).as("Baton should have found the bug").isNotNull();
    if (PRINT_REPORTS) System.out.println("REPORT>>>\n" + failure.getMessage() + "\n<<<REPORT");
    assertThat(failure.getMessage()).contains("-Dbaton.replay=" + failure.replayToken());
    return failure;
  }

  /**
   * Finds the bug, checks its kind, then replays its token and checks that the replay fails the
   * same way: same kind, same cause, same interleaving, same schedule number.
   */
  static InterleavingFailure findsAndReplays(Scenario scenario, InterleavingFailure.Kind kind) {
    return findsAndReplays(Interleavings.configure(), scenario, kind);
  }

  /**
   * The same with other options (a lower {@code maxSteps}, say), which the replay uses too: the
   * token holds the choices, not the options.
   */
  static InterleavingFailure findsAndReplays(
      Interleavings.Options options, Scenario scenario, InterleavingFailure.Kind kind) {
    InterleavingFailure found = finds(options.seed(FIND_SEED), scenario);
    assertThat(found.kind()).as(found.getMessage()).isEqualTo(kind);
    assertReplaysIdentically(found, options.replay(found.replayToken()), scenario);
    return found;
  }

  static void assertReplaysIdentically(
      InterleavingFailure original, Interleavings.Options replaying, Scenario scenario) {
    InterleavingFailure replayed =
        catchThrowableOfType(InterleavingFailure.class, () -> replaying.explore(scenario));
    assertThat(replayed).as("the replay of " + original.replayToken() + " should fail again").isNotNull();
    assertThat(replayed.kind()).as(replayed.getMessage()).isEqualTo(original.kind());
    assertThat(withoutIdentityHashes(String.valueOf(replayed.getCause())))
        .isEqualTo(withoutIdentityHashes(String.valueOf(original.getCause())));
    assertThat(replayed.trace()).isEqualTo(original.trace());
    assertThat(replayed.schedule()).isEqualTo(original.schedule());
    assertThat(replayed.replayToken()).isEqualTo(original.replayToken());
    assertThat(replayed.getMessage()).contains("replayed schedule " + original.schedule());
    assertThat(withoutIdentityHashes(headline(replayed)))
        .isEqualTo(withoutIdentityHashes(headline(original)));
    assertThat(details(replayed)).isEqualTo(details(original));
  }

  /**
   * JDK messages name objects by identity hash ({@code Task Foo@1b2c3d rejected from ...}), which
   * no replay controls: compare them without it.
   */
  static String withoutIdentityHashes(String text) {
    // Identity hashes of JDK objects and the numbers of generated lambda classes differ from run
    // to run; they are in JDK exception messages, not in anything Baton decides.
    return text.replaceAll("@[0-9a-f]{4,8}\\b", "@#")
        .replaceAll("\\$\\$Lambda(\\$\\d+)?/0x[0-9a-f]+", "\\$\\$Lambda");
  }

  /** The first line of a report: what failed. */
  static String headline(InterleavingFailure failure) {
    String message = failure.getMessage();
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /** The report without its "found in"/"replayed" line and token, for comparing details. */
  static String details(InterleavingFailure failure) {
    String message = failure.getMessage();
    int from = message.indexOf('\n', message.indexOf('\n') + 1);
    int to = message.indexOf("\nInterleaving (");
    return from < 0 || to < from ? "" : message.substring(from, to);
  }
}
