package dev.baton.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExploreInterleavings;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import org.junit.jupiter.api.Test;

/**
 * {@code assert} works inside a scenario as it does in the rest of a Surefire run. Surefire turns
 * assertions on through its class loader, not with {@code -ea} (this module's build passes no such
 * flag), and Baton's loader must follow it: the overdraft is caught by the {@code assert} alone.
 */
class WalletAssertTest {

  @Test
  void surefireRunsWithAssertionsOn() {
    assertThat(Wallet.class.desiredAssertionStatus())
        .as("this module's premise: Surefire enables assertions for the tests' classes")
        .isTrue();
  }

  @Test
  void anAssertInTheScenarioFindsTheOverdraft() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.explore(WalletAssertTest::twoSpendsOfTheLastCoin));
    assertThat(failure).as("the assert in Wallet.spend must fire in some schedule").isNotNull();
    assertThat(failure.getMessage()).contains("overdrawn: balance = -1").contains("-Dbaton.replay=");
  }

  @ExploreInterleavings
  void theSafeWalletNeverTripsItsAssert() throws InterruptedException {
    Wallet wallet = new Wallet(1);
    Thread a = new Thread(() -> wallet.spendSafely(1));
    Thread b = new Thread(() -> wallet.spendSafely(1));
    a.start();
    b.start();
    a.join();
    b.join();
    assertThat(wallet.balance()).isZero();
  }

  /** No check of its own: only the {@code assert} inside {@link Wallet#spend} can fail it. */
  static void twoSpendsOfTheLastCoin() throws InterruptedException {
    Wallet wallet = new Wallet(1);
    Thread a = new Thread(() -> wallet.spend(1));
    Thread b = new Thread(() -> wallet.spend(1));
    a.start();
    b.start();
    a.join();
    b.join();
  }
}
