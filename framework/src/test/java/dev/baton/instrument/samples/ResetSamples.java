package dev.baton.instrument.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/** Static initialisers that may run again in place of a new loader, and some that may not. */
public final class ResetSamples {
  private ResetSamples() {}

  public static class Counters {
    static int count;
    static long total = 7;
    static final int[] SEEN = new int[3];
    static final Object LOCK = new Object();
    static final List<Integer> LIST = new ArrayList<>();
    static final AtomicInteger NEXT = new AtomicInteger(10);
    static final ReentrantLock FAIR = new ReentrantLock(true);
    static final StringBuilder LOG = new StringBuilder("log:");
    static Integer boxed = 42;
    static final int LIMIT = 3; // a constant: never reset

    static {
      for (int i = 0; i < SEEN.length; i++) SEEN[i] = i + 1;
      assert SEEN.length == LIMIT;
    }
  }

  public static final class Singleton {
    static int made;
    static final Singleton INSTANCE = new Singleton(5);
    private final int size;

    private Singleton(int size) {
      this.size = size;
      made++;
      check();
    }

    private void check() {
      if (size < 0) made = -1;
    }
  }

  public static class NoInitialiser {
    public static int hits;
  }

  public static class CallsAnotherClass {
    static int value = Math.max(1, 2);
  }

  public static class ReadsAnotherClass {
    static int value = NoInitialiser.hits;
  }

  public static class ReadsTheClock {
    static long born = System.nanoTime();
  }

  public static class MakesALambda {
    static Runnable task = () -> { };
  }

  public static class Locks {
    static int count;

    static {
      synchronized (Locks.class) {
        count = 1;
      }
    }
  }

  public static class StartsAThreadObject {
    static Thread worker = new Thread("w");
  }

  public static class CopiesACollection {
    static final List<Integer> SEED = new ArrayList<>();
    static final List<Integer> COPY = new ArrayList<>(SEED); // calls SEED.toArray()
  }

  public static class CallsAnOverridableMethod {
    static int count;
    static final CallsAnOverridableMethod ONE = new CallsAnOverridableMethod();

    CallsAnOverridableMethod() {
      init(); // a subclass may override it
    }

    void init() {
      count++;
    }
  }

  public static class Base {
    static int shared;
  }

  public static class WritesAnInheritedField extends Base {
    static int own;

    static {
      WritesAnInheritedField.shared = 1; // Base's field, named through this class
    }
  }

  public enum Mode {
    ON;
    int flips;
  }

  /** An account: its constructor only sets its own fields. */
  public static class Account {
    private int balance;
    private final int[] history = new int[4];

    public Account(int balance) {
      this.balance = balance;
      history[0] = balance;
    }
  }

  /** An account whose constructor numbers it from a static counter. */
  public static class NumberedAccount extends Account {
    static int opened;
    final int number;

    public NumberedAccount() {
      super(0);
      number = ++opened;
    }
  }

  public static class Bank {
    static final Account MAIN = new Account(100);
    static int transfers;
  }

  public static class NumberingBank {
    static final NumberedAccount FIRST = new NumberedAccount();
  }

  /** A stored exception's stack trace shows where it was made. */
  public static class StoresAnException {
    static int count;
    static final IllegalStateException CLOSED = new IllegalStateException("closed");
  }

  public static class Registry {
    static int count;
  }

  /** No static state of its own, but its initialiser counts in another class's. */
  public static class Plugin {
    static final int ID = ++Registry.count;
  }

  /** No static state of its own, but an alias of another class's lock. */
  public static class Alias {
    static final Object LOCK = Counters.LOCK;
  }

  /** No static state of its own; an object of the program's, whose identity hash is Baton's. */
  public static class Keys {
    static final Object A = new Account(1);
  }

  public enum Colour {
    RED, GREEN;

    final String lower = name().toLowerCase();
  }

  public enum Size {
    SMALL(1), LARGE(9);

    final int weight;

    Size(int weight) {
      this.weight = weight;
    }
  }

  /** Serializable without a serialVersionUID: the default one counts a public static's final. */
  public static class Shared implements java.io.Serializable {
    public static final List<String> NAMES = new ArrayList<>();
  }

  /** The same, with the field private: the default UID does not count it. */
  public static class SharedPrivately implements java.io.Serializable {
    private static final List<String> NAMES = new ArrayList<>();
  }

  /** An initialiser that catches what it may throw. */
  public static class Guarded {
    static int[] table;

    static {
      try {
        table = new int[4];
      } catch (RuntimeException e) {
        table = null;
      }
    }
  }

  public static class Log {
    public static int count;
  }

  /** An initialiser that counts in another class's state. */
  public static class Counted {
    static {
      Log.count++;
    }
  }

  /** No initialiser of its own; initialising it initialises Counted. */
  public static class Sub extends Counted {
    static int hits;
  }

  /** A finalizer runs on the JVM's thread after its schedule ended. */
  public static class Finalizing {
    static int open;

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    protected void finalize() {
      open--;
    }
  }

  /** Declared Object, holding a list: an interface's field cannot be reset. */
  public interface Listed {
    Object ITEMS = new ArrayList<String>();
  }

  /** Constants with a sentinel of the program's class beside them. */
  public enum WithSentinel {
    ONE;

    static final Object SENTINEL = new Account(0);
  }
}
