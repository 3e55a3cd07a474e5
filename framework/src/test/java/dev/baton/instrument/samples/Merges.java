package dev.baton.instrument.samples;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedList;

/**
 * Control flow that merges different types at a join point, so frame computation must find their
 * common superclass (of user classes and of JDK classes) without loading them.
 */
public final class Merges {
  private Merges() {}

  public static String pick(boolean savings) {
    Account account = savings ? new SavingsAccount("s") : new Account("a", 1);
    account.charge(1);
    return account.id();
  }

  public static int list(boolean array) {
    AbstractList<String> list = array ? new ArrayList<>() : new LinkedList<>();
    list.add("x");
    return list.size();
  }

  public static int exceptions(int which) {
    try {
      if (which == 0) throw new IllegalStateException();
      if (which == 1) throw new UnsupportedOperationException();
      return which;
    } catch (IllegalStateException | UnsupportedOperationException e) {
      RuntimeException r = e;
      return r.getClass().getSimpleName().length();
    }
  }
}
