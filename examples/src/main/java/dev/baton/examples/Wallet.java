package dev.baton.examples;

/**
 * A wallet that must never go below zero, checked with {@code assert}. {@link #spend(int)} checks
 * the balance, then takes the money: two threads can both pass the check and overdraw it.
 */
public class Wallet {
  private int balance;

  public Wallet(int balance) {
    this.balance = balance;
  }

  public void spend(int amount) {
    if (balance >= amount) {
      balance -= amount;
    }
    assert balance >= 0 : "overdrawn: balance = " + balance;
  }

  /** The fix: check and take in one step. */
  public synchronized void spendSafely(int amount) {
    if (balance >= amount) {
      balance -= amount;
    }
    assert balance >= 0 : "overdrawn: balance = " + balance;
  }

  public synchronized int balance() {
    return balance;
  }
}
