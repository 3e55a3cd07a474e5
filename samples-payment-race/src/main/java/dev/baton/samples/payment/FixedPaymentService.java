package dev.baton.samples.payment;

import java.util.Map;

/**
 * The payment service after the incident: {@link BuggyPaymentService} with both bugs fixed.
 *
 * <ol>
 *   <li>{@link #charge} checks the balance and debits under the account's lock, so a second
 *       charge sees the first one's debit and is declined.
 *   <li>{@link #transfer} takes the two accounts' locks in one global order (by account id),
 *       whatever the direction of the transfer, so no two transfers ever wait for each other in a
 *       cycle.
 * </ol>
 */
public final class FixedPaymentService implements PaymentService {
  private final AccountBook accounts;

  public FixedPaymentService(Map<String, Long> openingBalancesCents) {
    this.accounts = new AccountBook(openingBalancesCents);
  }

  @Override
  public void charge(String accountId, long amountCents) {
    Account account = accounts.get(accountId);
    account.lock().lock();
    try {
      if (account.balance() < amountCents) {
        throw new InsufficientFundsException(accountId, account.balance(), amountCents);
      }
      account.debit(amountCents);
    } finally {
      account.lock().unlock();
    }
  }

  @Override
  public void refund(String accountId, long amountCents) {
    Account account = accounts.get(accountId);
    account.lock().lock();
    try {
      account.credit(amountCents);
    } finally {
      account.lock().unlock();
    }
  }

  @Override
  public void transfer(String fromAccountId, String toAccountId, long amountCents) {
    if (fromAccountId.equals(toAccountId)) {
      throw new IllegalArgumentException("transfer from " + fromAccountId + " to itself");
    }
    Account from = accounts.get(fromAccountId);
    Account to = accounts.get(toAccountId);
    // Every transfer locks the account with the smaller id first: no cycle of waits is possible.
    Account first = fromAccountId.compareTo(toAccountId) < 0 ? from : to;
    Account second = first == from ? to : from;
    first.lock().lock();
    try {
      second.lock().lock();
      try {
        if (from.balance() < amountCents) {
          throw new InsufficientFundsException(fromAccountId, from.balance(), amountCents);
        }
        from.debit(amountCents);
        to.credit(amountCents);
      } finally {
        second.lock().unlock();
      }
    } finally {
      first.lock().unlock();
    }
  }

  @Override
  public long balance(String accountId) {
    Account account = accounts.get(accountId);
    account.lock().lock();
    try {
      return account.balance();
    } finally {
      account.lock().unlock();
    }
  }
}
