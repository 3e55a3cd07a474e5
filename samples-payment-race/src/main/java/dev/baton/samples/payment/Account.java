package dev.baton.samples.payment;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One customer account: an id, a balance in cents, and the lock that guards the balance.
 *
 * <p>An account does no locking of its own. The services decide which locks to take around which
 * steps, and that is exactly where the two production bugs live: {@link BuggyPaymentService}
 * checks the balance outside the lock and takes two accounts' locks in request order, {@link
 * FixedPaymentService} does neither.
 */
public final class Account {
  private final String id;
  private final ReentrantLock lock = new ReentrantLock();
  private long balanceCents;

  public Account(String id, long openingBalanceCents) {
    if (openingBalanceCents < 0) {
      throw new IllegalArgumentException(id + ": opening balance " + openingBalanceCents + " < 0");
    }
    this.id = id;
    this.balanceCents = openingBalanceCents;
  }

  public String id() {
    return id;
  }

  /** The lock every change of this account's balance must hold. */
  public ReentrantLock lock() {
    return lock;
  }

  /** The balance in cents; read it under {@link #lock()} to act on it. */
  public long balance() {
    return balanceCents;
  }

  /** Takes {@code amountCents} off the balance; the caller holds the lock and checked the funds. */
  void debit(long amountCents) {
    balanceCents -= requirePositive(amountCents);
  }

  /** Adds {@code amountCents} to the balance; the caller holds the lock. */
  void credit(long amountCents) {
    balanceCents += requirePositive(amountCents);
  }

  private long requirePositive(long amountCents) {
    if (amountCents <= 0) {
      throw new IllegalArgumentException(id + ": amount " + amountCents + " must be positive");
    }
    return amountCents;
  }

  @Override
  public String toString() {
    return "Account[" + id + "]";
  }
}
