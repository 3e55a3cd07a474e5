package dev.baton.samples.payment;

/**
 * Moves money between customer accounts. Amounts are in cents and must be positive. Every method
 * may be called by many request threads at once, which is the whole point of this sample.
 */
public interface PaymentService {

  /**
   * Takes {@code amountCents} from the account.
   *
   * @throws InsufficientFundsException when the account holds less than {@code amountCents};
   *     the balance is then unchanged
   */
  void charge(String accountId, long amountCents);

  /** Gives {@code amountCents} back to the account. */
  void refund(String accountId, long amountCents);

  /**
   * Moves {@code amountCents} from one account to another, atomically: no one sees the money gone
   * from one and not yet arrived at the other.
   *
   * @throws InsufficientFundsException when the payer holds less than {@code amountCents}; both
   *     balances are then unchanged
   */
  void transfer(String fromAccountId, String toAccountId, long amountCents);

  /** The account's balance in cents. */
  long balance(String accountId);
}
