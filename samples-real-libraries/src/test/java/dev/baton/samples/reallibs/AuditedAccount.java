package dev.baton.samples.reallibs;

import org.apache.log4j.Logger;

/**
 * An object of the application that is both logged and logs, as in log4j bug 41214: its {@code
 * toString} takes its own monitor (it reads the balance consistently), and a synchronized method
 * logs while holding that monitor.
 */
final class AuditedAccount {
  private long balance;

  /** Changes the balance and logs it, all under this account's monitor. */
  synchronized void deposit(long amount, Logger audit) {
    balance += amount;
    audit.info("deposited " + amount);
  }

  /** Log4j calls this while rendering a message whose object is this account. */
  @Override
  public synchronized String toString() {
    return "account(balance=" + balance + ")";
  }
}
