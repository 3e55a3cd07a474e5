package dev.baton.samples.payment;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accounts a service works on, fixed when the service is created: looking one up never
 * changes the book, so it needs no lock.
 */
final class AccountBook {
  private final Map<String, Account> accounts = new HashMap<>();

  AccountBook(Map<String, Long> openingBalancesCents) {
    // Opened in id order, whatever the order of the caller's map: every run does the same steps.
    new TreeMap<>(openingBalancesCents)
        .forEach((id, balance) -> accounts.put(id, new Account(id, balance)));
  }

  /** The account called {@code id}; an unknown id is the caller's mistake. */
  Account get(String id) {
    Account account = accounts.get(id);
    if (account == null) throw new IllegalArgumentException("no account " + id);
    return account;
  }
}
