package dev.baton.samples.payment;

import java.util.Map;

/**
 * The payment service as it shipped, with the two bugs of the incident: two simultaneous payment
 * requests conflict, and the service hangs. Each method works when called alone; both bugs need
 * two requests at the same moment. {@link FixedPaymentService} is the same service, fixed.
 *
 * <ol>
 *   <li><b>Overdraft (check-then-act).</b> {@link #charge} checks the balance, then takes the
 *       account's lock and debits. Two charges of 80 against a balance of 100 can both pass the
 *       check before either debits, and the account ends at -60.
 *   <li><b>Hang (lock-order deadlock).</b> {@link #transfer} locks the payer's account, then the
 *       payee's. A transfer from Alice to Bob and one from Bob to Alice at the same moment can each
 *       hold its payer's lock and wait forever for the other's: both request threads hang, and so
 *       does every later request that touches either account.
 * </ol>
 */
public final class BuggyPaymentService implements PaymentService {
  private final AccountBook accounts;

  public BuggyPaymentService(Map<String, Long> openingBalancesCents) {
    this.accounts = new AccountBook(openingBalancesCents);
  }

  @Override
  public void charge(String accountId, long amountCents) {
    Account account = accounts.get(accountId);
    // BUG: the check runs without the lock, so it may be stale by the time the debit runs.
    if (account.balance() < amountCents) {
      throw new InsufficientFundsException(accountId, account.balance(), amountCents);
    }
    account.lock().lock();
    try {
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
    // BUG: locks taken in request order: opposite transfers take them in opposite orders.
    from.lock().lock();
    try {
      to.lock().lock();
      try {
        if (from.balance() < amountCents) {
          throw new InsufficientFundsException(fromAccountId, from.balance(), amountCents);
        }
        from.debit(amountCents);
        to.credit(amountCents);
      } finally {
        to.lock().unlock();
      }
    } finally {
      from.lock().unlock();
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
