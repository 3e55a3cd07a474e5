package dev.baton.instrument.samples;

/** Plain fields of every category, final and not, instance and static. */
public class Account {
  public static int opened;
  public static final Object REGISTRY = new Object();
  protected final String id;
  protected int balance;
  protected long total;
  protected double rate;

  public Account(String id, int balance) {
    super();
    this.id = id;
    this.balance = balance; //@ctor-balance
    opened++; //@ctor-opened
  }

  public boolean charge(int amount) {
    if (balance < amount) return false; //@charge-check
    balance = balance - amount; //@charge-write
    return true;
  }

  public long addTotal(long amount) {
    total += amount; //@add-total
    return total; //@return-total
  }

  public double scaleRate(double factor) {
    rate = rate * factor + 0.5; //@scale-rate
    return rate;
  }

  public String id() {
    return id;
  }

  public static Object registry() {
    return REGISTRY;
  }
}
