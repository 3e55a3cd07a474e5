package dev.baton.scenarios;

import dev.baton.Scenario;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Programs whose constructors let the new object escape to another thread before writing its
 * fields (the bugs Baton must still find with the rule that skips a constructor's accesses to an
 * object no other thread can see yet), a correct one that publishes only at the end, and one with
 * many unpublished writes to count the points the rule saves. Each is a static nested {@link
 * Scenario} class, so that {@link UnpublishedThisRuleSwitch} can load it afresh.
 */
public final class EscapeScenarios {
  private EscapeScenarios() {}

  /** Where a constructor publishes its object. */
  static final class Holder {
    Object ref;
  }

  /** Publishes itself in a holder another thread reads, then sets its field. */
  static final class PublishesFirst {
    int ready;

    PublishesFirst(Holder holder) {
      holder.ref = this;
      ready = 1;
    }
  }

  /** Registers itself as a listener, then sets its field. */
  static final class RegistersFirst {
    int ready;

    RegistersFirst(List<Object> listeners) {
      listeners.add(this);
      ready = 1;
    }
  }

  /** A superclass whose constructor publishes the object. */
  static class LeakyBase {
    LeakyBase(Holder holder) {
      holder.ref = this;
    }
  }

  /** Sets its field after the leaking super constructor. */
  static final class AfterLeakyBase extends LeakyBase {
    int ready;

    AfterLeakyBase(Holder holder) {
      super(holder);
      ready = 1;
    }
  }

  /** Counts and publishes itself, twice, in a loop. */
  static final class LoopPublisher {
    int count;

    LoopPublisher(Holder holder) {
      for (int i = 0; i < 2; i++) {
        count++;
        holder.ref = this;
      }
    }
  }

  /** Starts a thread that reads its field, then sets the field: the textbook this-escape. */
  static final class StartsThread {
    int ready;
    Thread reader;

    StartsThread() {
      reader = new Thread(() -> Scenarios.check(ready == 1, "the thread saw an unfinished object"));
      reader.start();
      ready = 1;
    }
  }

  /** Sets its field, then publishes itself: correct. */
  static final class PublishesLast {
    int ready;

    PublishesLast(Holder holder) {
      ready = 1;
      holder.ref = this;
    }
  }

  /** Three fields written by a constructor that leaks nothing. */
  static final class Point {
    int x;
    int y;
    int z;

    Point(int v) {
      x = v;
      y = v + 1;
      z = v + 2;
    }
  }

  private static void checkReady(Object seen, int ready) {
    Scenarios.check(seen == null || ready == 1, "another thread saw an unfinished object");
  }

  /** Bug: the reader may see the object before {@code ready = 1}. */
  public static final class PublishedBeforeWrite implements Scenario {
    @Override
    public void run() throws Exception {
      Holder holder = new Holder();
      Scenarios.runAll(() -> new PublishesFirst(holder), () -> {
        PublishesFirst seen = (PublishesFirst) holder.ref;
        checkReady(seen, seen == null ? 0 : seen.ready);
      });
    }
  }

  /** Bug: a listener is called back (here: read) before its constructor finished. */
  public static final class ListenerBeforeWrite implements Scenario {
    @Override
    public void run() throws Exception {
      List<Object> listeners = new CopyOnWriteArrayList<>();
      Scenarios.runAll(() -> new RegistersFirst(listeners), () -> {
        for (Object listener : listeners) checkReady(listener, ((RegistersFirst) listener).ready);
      });
    }
  }

  /** Bug: the superclass publishes the object before the subclass set its field. */
  public static final class SuperclassLeak implements Scenario {
    @Override
    public void run() throws Exception {
      Holder holder = new Holder();
      Scenarios.runAll(() -> new AfterLeakyBase(holder), () -> {
        AfterLeakyBase seen = (AfterLeakyBase) holder.ref;
        checkReady(seen, seen == null ? 0 : seen.ready);
      });
    }
  }

  /** Bug: the reader may see the count of the first round, published inside the loop. */
  public static final class LoopLeak implements Scenario {
    @Override
    public void run() throws Exception {
      Holder holder = new Holder();
      Scenarios.runAll(() -> new LoopPublisher(holder), () -> {
        LoopPublisher seen = (LoopPublisher) holder.ref;
        Scenarios.check(seen == null || seen.count == 2, "saw the first round's count");
      });
    }
  }

  /** Bug: the thread started in the constructor reads the field before it is set. */
  public static final class ThreadStartedInConstructor implements Scenario {
    @Override
    public void run() throws Exception {
      new StartsThread().reader.join();
    }
  }

  /** Correct: the object is published after its field was set. */
  public static final class PublishedAfterWrite implements Scenario {
    @Override
    public void run() throws Exception {
      Holder holder = new Holder();
      Scenarios.runAll(() -> new PublishesLast(holder), () -> {
        PublishesLast seen = (PublishesLast) holder.ref;
        checkReady(seen, seen == null ? 0 : seen.ready);
      });
    }
  }

  /** How many points per schedule the rule saves: two threads build {@link #POINTS} points. */
  public static final class ManyPoints implements Scenario {
    static final int POINTS = 20;

    @Override
    public void run() throws Exception {
      Holder holder = new Holder();
      Runnable build = () -> {
        int sum = 0;
        for (int i = 0; i < POINTS; i++) sum += new Point(i).z;
        synchronized (holder) {
          holder.ref = sum;
        }
      };
      Scenarios.runAll(build, build);
    }
  }
}
