package dev.baton.instrument.samples;

/** Accesses inherited fields: the instruction's owner is the subclass, the declaration the superclass. */
public class SavingsAccount extends Account {

  public SavingsAccount(String id) {
    super(id, 10);
  }

  public int bonus() {
    balance += id.length(); //@bonus
    return balance;
  }
}
