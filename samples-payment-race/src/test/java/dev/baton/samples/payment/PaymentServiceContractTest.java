package dev.baton.samples.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What both services do for one request at a time. They agree here: their bugs need two requests
 * at once, which is why this kind of test never caught them.
 */
class PaymentServiceContractTest {

  static Stream<Arguments> services() {
    return Stream.of(
        Arguments.of("buggy", (PaymentScenarios.ServiceOpener) BuggyPaymentService::new),
        Arguments.of("fixed", (PaymentScenarios.ServiceOpener) FixedPaymentService::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void aChargeTakesTheAmount(String name, PaymentScenarios.ServiceOpener open) {
    PaymentService service = open.apply(Map.of("alice", 100L));
    service.charge("alice", 80);
    assertThat(service.balance("alice")).isEqualTo(20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void aChargeBeyondTheBalanceIsDeclinedAndChangesNothing(
      String name, PaymentScenarios.ServiceOpener open) {
    PaymentService service = open.apply(Map.of("alice", 100L));
    service.charge("alice", 80);
    assertThatThrownBy(() -> service.charge("alice", 80))
        .isInstanceOf(InsufficientFundsException.class)
        .hasMessage("alice cannot pay 80 with a balance of 20");
    assertThat(service.balance("alice")).isEqualTo(20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void aRefundGivesTheAmountBack(String name, PaymentScenarios.ServiceOpener open) {
    PaymentService service = open.apply(Map.of("alice", 100L));
    service.charge("alice", 80);
    service.refund("alice", 30);
    assertThat(service.balance("alice")).isEqualTo(50);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void aTransferMovesMoneyInBothDirections(String name, PaymentScenarios.ServiceOpener open) {
    PaymentService service = open.apply(Map.of("alice", 100L, "bob", 100L));
    service.transfer("alice", "bob", 30);
    service.transfer("bob", "alice", 20);
    assertThat(service.balance("alice")).isEqualTo(90);
    assertThat(service.balance("bob")).isEqualTo(110);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void aTransferBeyondThePayersBalanceIsDeclinedAndChangesNeitherAccount(
      String name, PaymentScenarios.ServiceOpener open) {
    PaymentService service = open.apply(Map.of("alice", 100L, "bob", 100L));
    assertThatThrownBy(() -> service.transfer("alice", "bob", 101))
        .isInstanceOf(InsufficientFundsException.class);
    assertThat(service.balance("alice")).isEqualTo(100);
    assertThat(service.balance("bob")).isEqualTo(100);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void misusesAreRejected(String name, PaymentScenarios.ServiceOpener open) {
    PaymentService service = open.apply(Map.of("alice", 100L, "bob", 100L));
    assertThatThrownBy(() -> service.charge("carol", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no account carol");
    assertThatThrownBy(() -> service.charge("alice", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> service.refund("alice", -5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> service.transfer("alice", "alice", 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(service.balance("alice")).isEqualTo(100);
  }
}
