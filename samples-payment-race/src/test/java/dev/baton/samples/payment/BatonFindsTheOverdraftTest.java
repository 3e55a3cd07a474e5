package dev.baton.samples.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Baton finds the overdraft of {@link BuggyPaymentService#charge}, with every strategy, reports the
 * interleaving that causes it, and replays it from the token. These tests pass because the failure
 * is expected; {@link PaymentBugsDemo} shows the same failure as a failing test.
 */
class BatonFindsTheOverdraftTest {
  private static final int BUDGET = 1000;

  @ParameterizedTest
  @EnumSource(Strategy.class)
  void everyStrategyFindsTheOverdraft(Strategy strategy) {
    InterleavingFailure failure = explore(strategy);

    assertThat(failure).as("Baton found no overdraft in %d schedules", BUDGET).isNotNull();
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.EXCEPTION);
    assertThat(failure.getCause())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("alice overdrawn: balance -60");
    assertThat(failure.getMessage().lines().findFirst())
        .hasValueSatisfying(headline -> assertThat(headline)
            .startsWith("java.lang.AssertionError: alice overdrawn: balance -60")
            .endsWith("(thrown in main)"));
    assertThat(failure.getMessage())
        .contains("Baton found it in schedule " + failure.schedule() + " of " + BUDGET
            + " (strategy " + strategy)
        .contains("-Dbaton.replay=" + failure.replayToken());
    assertBothChecksPassBeforeEitherDebit(failure.trace());
  }

  @Test
  void theTokenReplaysTheSameOverdraftWithTheSameInterleaving() {
    InterleavingFailure found = explore(Strategy.RANDOM);

    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(found.replayToken())
            .explore(BatonFindsTheOverdraftTest::chargesOnTheBuggyService));

    assertThat(replayed).as("the replay did not fail").isNotNull();
    assertThat(replayed.kind()).isEqualTo(found.kind());
    assertThat(replayed.getCause()).hasMessage(found.getCause().getMessage());
    assertThat(replayed.trace()).isEqualTo(found.trace());
    assertThat(replayed.replayToken()).isEqualTo(found.replayToken());
    assertThat(replayed.getMessage())
        .contains("Baton replayed schedule " + found.schedule() + " (strategy RANDOM, seed "
            + found.seed() + ") from its token.");
  }

  /** The scenario Baton explores; a static method, so Baton can re-load it (no captured state). */
  static void chargesOnTheBuggyService() throws InterruptedException {
    PaymentScenarios.twoSimultaneousCharges(BuggyPaymentService::new);
  }

  private static InterleavingFailure explore(Strategy strategy) {
    return catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(strategy).seed(2007).schedules(BUDGET)
            .explore(BatonFindsTheOverdraftTest::chargesOnTheBuggyService));
  }

  /**
   * The bug, read off the report: each checkout reads the balance for its check (in {@code
   * Account.balance}) before either debits it (the write in {@code Account.debit}).
   */
  private static void assertBothChecksPassBeforeEitherDebit(String trace) {
    List<String> steps = trace.lines().toList();
    int firstDebit = indexOf(steps, "write Account.balanceCents", "Account.debit(");
    assertThat(firstDebit).as("no debit in the interleaving:%n%s", trace).isPositive();
    List<String> beforeDebit = steps.subList(0, firstDebit);
    for (String checkout : List.of("checkout-1", "checkout-2")) {
      assertThat(beforeDebit)
          .as("%s checks the balance before the first debit, in:%n%s", checkout, trace)
          .anySatisfy(step -> assertThat(step)
              .contains(checkout + " ").contains("read Account.balanceCents")
              .contains("Account.balance("));
    }
    for (String checkout : List.of("checkout-1", "checkout-2")) {
      assertThat(steps.subList(firstDebit, steps.size()))
          .as("%s debits after both checks, in:%n%s", checkout, trace)
          .anySatisfy(step -> assertThat(step)
              .contains(checkout + " ").contains("write Account.balanceCents"));
    }
  }

  private static int indexOf(List<String> steps, String action, String location) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).contains(action) && steps.get(i).contains(location)) return i;
    }
    return -1;
  }
}
