package dev.baton.scenarios;

import dev.baton.Scenario;

/**
 * Programs over private fields that look immutable and are not (the races Baton must still find
 * with the rule that skips reads of effectively immutable fields), and correct ones over fields
 * that are. Most bugs are a reader that reads one field twice and sees it change: found only with
 * a scheduling point between the two reads, so a rule that wrongly skipped them would miss it.
 * Each is a static nested {@link Scenario} class, so that {@link PointRuleSwitch} can
 * load it afresh.
 */
public final class ImmutableFieldScenarios {
  private ImmutableFieldScenarios() {}

  /** Where an object is published for another thread. */
  static final class Holder {
    Object ref;
  }

  /** A limit set by its constructor and, later, by a setter. */
  static final class Settable {
    private int limit;

    Settable(int limit) {
      this.limit = limit;
    }

    void setLimit(int limit) {
      this.limit = limit;
    }

    boolean readsStable() {
      int first = limit;
      return first == limit;
    }
  }

  /** A value created on first use: a lazy holder whose field is written after publication. */
  static final class Lazy {
    private Object value;
    private int creations;

    Object get() {
      if (value == null) {
        creations++;
        value = new Object();
      }
      return value;
    }

    int creations() {
      return creations;
    }
  }

  /** Publishes itself, then sets its field: the field is written after {@code this} escaped. */
  static final class PublishesThenWrites {
    private int ready;

    PublishesThenWrites(Holder holder) {
      holder.ref = this;
      ready = 1;
    }

    boolean readsStable() {
      int first = ready;
      return first == ready;
    }
  }

  /** A count a nested class increments: a nest member writes the private field. */
  static final class Counted {
    private int count;

    Counted() {
      count = 0;
    }

    Runnable incrementer() {
      return new Incrementer();
    }

    boolean readsStable() {
      int first = count;
      return first == count;
    }

    final class Incrementer implements Runnable {
      @Override
      public void run() {
        count = count + 1;
      }
    }
  }

  /** A generation that a static method advances: a static field written outside {@code <clinit>}. */
  static final class Generations {
    private static int generation;

    static {
      generation = 1;
    }

    static void advance() {
      generation = generation + 1;
    }

    static boolean readsStable() {
      int first = generation;
      return first == generation;
    }
  }

  /** Immutable configuration: fields set by the constructor only, a default set at class init. */
  static final class Config {
    private static int defaultRetries;

    static {
      defaultRetries = 3;
    }

    private String host;
    private int port;
    private int retries;

    Config(String host, int port) {
      this.host = host;
      this.port = port;
      this.retries = defaultRetries;
    }

    String describe() {
      return host + ":" + port + " x" + retries + "/" + defaultRetries;
    }
  }

  /** Bug: a setter changes the limit between a reader's two reads. */
  public static final class SetterRace implements Scenario {
    @Override
    public void run() throws Exception {
      Settable settable = new Settable(1);
      Scenarios.runAll(() -> settable.setLimit(2),
          () -> Scenarios.check(settable.readsStable(), "the limit changed between two reads"));
    }
  }

  /** Bug: two threads both create the lazy value (check-then-act on a field written later). */
  public static final class LazyHolderRace implements Scenario {
    @Override
    public void run() throws Exception {
      Lazy lazy = new Lazy();
      Scenarios.runAll(lazy::get, lazy::get);
      Scenarios.check(lazy.creations() == 1, "the lazy value was created twice");
    }
  }

  /** Bug: the reader sees the published object's field change under it. */
  public static final class WrittenAfterLeak implements Scenario {
    @Override
    public void run() throws Exception {
      Holder holder = new Holder();
      Scenarios.runAll(() -> new PublishesThenWrites(holder), () -> {
        PublishesThenWrites seen = (PublishesThenWrites) holder.ref;
        Scenarios.check(seen == null || seen.readsStable(), "saw the field set after the leak");
      });
    }
  }

  /** Bug: a nested class's increment lands between the reader's two reads. */
  public static final class NestedWriter implements Scenario {
    @Override
    public void run() throws Exception {
      Counted counted = new Counted();
      Scenarios.runAll(counted.incrementer(),
          () -> Scenarios.check(counted.readsStable(), "the count changed between two reads"));
    }
  }

  /** Bug: the static field changes between the reader's two reads. */
  public static final class StaticWrittenLater implements Scenario {
    @Override
    public void run() throws Exception {
      Scenarios.runAll(Generations::advance,
          () -> Scenarios.check(Generations.readsStable(), "the generation changed"));
    }
  }

  /** Correct: two threads read an immutable configuration, published safely by the start. */
  public static final class ImmutableConfigReads implements Scenario {
    static final int READS = 10;

    @Override
    public void run() throws Exception {
      Config config = new Config("db", 5432);
      String expected = config.describe();
      Runnable reader = () -> {
        for (int i = 0; i < READS; i++) {
          Scenarios.check(config.describe().equals(expected), "the configuration changed");
        }
      };
      Scenarios.runAll(reader, reader);
    }
  }
}
