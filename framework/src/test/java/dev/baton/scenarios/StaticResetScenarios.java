package dev.baton.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Programs whose state lives in static fields, as classic bug programs keep it (see {@link
 * StaticResetOracleTest}): each class here can be reset in place, but for {@link Clocked}, whose
 * initialiser reads the clock and so must be defined afresh.
 */
public final class StaticResetScenarios {
  private StaticResetScenarios() {}

  /** Two unsynchronised increments of a static counter: a lost update. */
  static final class Tally {
    static int count;
  }

  public static void lostUpdate() throws InterruptedException {
    Thread other = new Thread(() -> Tally.count++);
    other.start();
    Tally.count++;
    other.join();
    if (Tally.count != 2) throw new AssertionError("count " + Tally.count + ", expected 2");
  }

  /** SCTBench's reorder: writers of a pair, a checker that must never see it half-written. */
  static final class Pair {
    static int a;
    static int b;
    static final boolean[] torn = new boolean[1];
  }

  public static void reorder() throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      threads.add(new Thread(() -> {
        Pair.a = 1;
        Pair.b = -1;
      }));
    }
    threads.add(new Thread(() -> Pair.torn[0] = Pair.a != -Pair.b));
    for (Thread t : threads) t.start();
    for (Thread t : threads) t.join();
    if (Pair.torn[0]) throw new AssertionError("saw a = " + Pair.a + " and b = " + Pair.b);
  }

  /** Correct: increments under a static lock, a list and an atomic set up by the initialiser. */
  static final class Guarded {
    static final Object LOCK = new Object();
    static final List<Integer> LIST = new ArrayList<>();
    static final AtomicInteger NEXT = new AtomicInteger(10);
    static final int[] SEEN = new int[3];
    static int count;

    static {
      for (int i = 0; i < SEEN.length; i++) SEEN[i] = -1;
    }

    static void add() {
      synchronized (LOCK) {
        count++;
        LIST.add(NEXT.getAndIncrement());
        SEEN[count] = count;
      }
    }
  }

  public static void guarded() throws InterruptedException {
    if (Guarded.count != 0 || !Guarded.LIST.isEmpty() || Guarded.NEXT.get() != 10
        || Guarded.SEEN[1] != -1 || Guarded.SEEN[2] != -1) {
      throw new AssertionError("static state left from an earlier schedule");
    }
    Thread other = new Thread(Guarded::add);
    other.start();
    Guarded.add();
    other.join();
    if (Guarded.count != 2 || Guarded.LIST.size() != 2) throw new AssertionError("lost an add");
  }

  /** A singleton made by the initialiser, with a count of the instances made. */
  static final class Singleton {
    static int made;
    static final Singleton INSTANCE = new Singleton();
    private int hits;

    private Singleton() {
      made++;
    }

    synchronized void hit() {
      hits++;
    }
  }

  public static void singleton() throws InterruptedException {
    Thread other = new Thread(Singleton.INSTANCE::hit);
    other.start();
    Singleton.INSTANCE.hit();
    other.join();
    if (Singleton.made != 1 || Singleton.INSTANCE.hits != 2) {
      throw new AssertionError("made " + Singleton.made + ", hits " + Singleton.INSTANCE.hits);
    }
  }

  /** Lazy initialisation, check then act: two threads may both make the instance. */
  static final class Lazy {
    static Lazy instance;
    static int made;

    static Lazy get() {
      if (instance == null) {
        made++;
        instance = new Lazy();
      }
      return instance;
    }
  }

  public static void lazyInit() throws InterruptedException {
    Thread other = new Thread(Lazy::get);
    other.start();
    Lazy.get();
    other.join();
    if (Lazy.made != 1) throw new AssertionError("made " + Lazy.made + " instances");
  }

  /** An account of its own class, made by the bank's initialiser. */
  static final class Account {
    private int balance;

    Account(int balance) {
      this.balance = balance;
    }

    boolean withdraw(int amount) {
      if (balance < amount) return false;
      balance -= amount;
      return true;
    }
  }

  static final class Bank {
    static final Account ACCOUNT = new Account(100);
  }

  /** Check then act on a static account: both withdrawals of 60 may pass the check. */
  public static void overdraft() throws InterruptedException {
    Thread other = new Thread(() -> Bank.ACCOUNT.withdraw(60));
    other.start();
    Bank.ACCOUNT.withdraw(60);
    other.join();
    if (Bank.ACCOUNT.balance < 0) throw new AssertionError("balance " + Bank.ACCOUNT.balance);
  }

  /** An initialiser that reads the clock: not reset in place, defined afresh for every schedule. */
  static final class Clocked {
    static final long BORN = System.nanoTime();
    static int count;
  }

  public static void clocked() throws InterruptedException {
    Thread other = new Thread(() -> Clocked.count++);
    other.start();
    Clocked.count++;
    other.join();
    if (Clocked.BORN == 0 || Clocked.count != 2) throw new AssertionError("count " + Clocked.count);
  }

  enum Phase {
    IDLE, BUSY
  }

  /** A state machine in static fields; a switch on an enum (javac's table class). */
  static final class Machine {
    static Phase phase = Phase.IDLE;
    static int starts;

    static void start() {
      switch (phase) {
        case IDLE:
          starts++;
          phase = Phase.BUSY;
          break;
        default:
          break;
      }
    }
  }

  /** Check then act on a static enum state: both threads may start the machine. */
  public static void doubleStart() throws InterruptedException {
    Thread other = new Thread(Machine::start);
    other.start();
    Machine.start();
    other.join();
    if (Machine.starts != 1) throw new AssertionError("started " + Machine.starts + " times");
  }

  static final class Registry {
    static int count;
  }

  /** No static state of its own; its initialiser counts in the registry's. */
  static final class Plugin {
    static final int ID = ++Registry.count;
  }

  /** Correct only if the plugin registers once in every schedule, as a new loader has it. */
  public static void registerPlugin() throws InterruptedException {
    int[] seen = new int[1];
    Thread other = new Thread(() -> seen[0] = Plugin.ID);
    other.start();
    other.join();
    if (seen[0] != 1 || Registry.count != 1) {
      throw new AssertionError("plugin " + seen[0] + ", registered " + Registry.count);
    }
  }

  /** An object of the program's class: its hash is numbered by Baton, per schedule. */
  static final class Key {
    int uses;
  }

  /** No static state of its own; an object whose identity hash Baton numbers. */
  static final class Keys {
    static final Object FIRST = new Key();
  }

  /** Correct only if the key is a new object in every schedule, as a new loader has it. */
  public static void numberedHashes() throws InterruptedException {
    Tally.count++; // some static state, so that the next schedule needs it new
    int[] second = new int[1];
    int first = Keys.FIRST.hashCode();
    Thread other = new Thread(() -> second[0] = new Key().hashCode());
    other.start();
    other.join();
    if (first == second[0]) throw new AssertionError("a hash left from an earlier schedule");
  }

  /** Runs the program of {@link StaticResetOracleTest.Program} {@code name}. */
  public static void byName(String name) throws InterruptedException {
    switch (name) {
      case "LOST_UPDATE" -> lostUpdate();
      case "REORDER" -> reorder();
      case "GUARDED" -> guarded();
      case "SINGLETON" -> singleton();
      case "LAZY_INIT" -> lazyInit();
      case "OVERDRAFT" -> overdraft();
      case "CLOCKED" -> clocked();
      case "DOUBLE_START" -> doubleStart();
      case "REGISTER_PLUGIN" -> registerPlugin();
      case "NUMBERED_HASHES" -> numberedHashes();
      default -> throw new IllegalArgumentException(name);
    }
  }

  /** Records the loader of a class that can be reset in place, then changes its state. */
  public static void recordLoaderOfResettable(Set<ClassLoader> loaders) {
    loaders.add(Tally.class.getClassLoader());
    if (Tally.count != 0) throw new AssertionError("count left at " + Tally.count);
    Tally.count++;
  }

  /** Records the loader of a class that cannot be reset in place, then changes its state. */
  public static void recordLoaderOfClocked(Set<ClassLoader> loaders) {
    loaders.add(Clocked.class.getClassLoader());
    if (Clocked.count != 0) throw new AssertionError("count left at " + Clocked.count);
    Clocked.count++;
  }
}
