package dev.baton.samples.payment;

/** A payment was declined because the paying account does not hold enough money. */
public final class InsufficientFundsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InsufficientFundsException(String accountId, long balanceCents, long amountCents) {
    super(accountId + " cannot pay " + amountCents + " with a balance of " + balanceCents);
  }
}
