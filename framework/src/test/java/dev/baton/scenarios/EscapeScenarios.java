package dev.baton.scenarios;

import dev.baton.Scenario;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Programs whose constructors, or methods, let a new object or array escape to another thread
 * before writing it (the bugs Baton must still find with the rules that skip accesses to objects no
 * other thread can see yet), correct ones that publish only at the end, and one with many
 * unpublished writes to count the points the rules save. Each is a static nested {@link
 * Scenario} class, so that {@link PointRuleSwitch} can load it afresh.
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

  // ---- objects and arrays a method allocates, used before and after they escape ----

  /** A shared stack of nodes, pushed without a lock. */
  static final class Stack {
    Node head;
  }

  /** A node whose constructor leaks nothing. */
  static final class Node {
    int value;
    Node next;
  }

  /** Bug: the array is published before it is filled; the reader may see a zero. */
  public static final class ArrayPublishedBeforeFill implements Scenario {
    @Override
    public void run() throws Exception {
      Holder holder = new Holder();
      Scenarios.runAll(() -> {
        int[] values = new int[2];
        values[0] = 1;
        holder.ref = values;
        values[1] = 1;
      }, () -> {
        int[] seen = (int[]) holder.ref;
        Scenarios.check(seen == null || seen[1] == 1, "saw an array before it was filled");
      });
    }
  }

  /** Bug: two unlocked pushes, each linking a new node to the head it read: one is lost. */
  public static final class LostPush implements Scenario {
    @Override
    public void run() throws Exception {
      Stack stack = new Stack();
      Runnable push = () -> {
        Node node = new Node();
        node.value = 1;
        node.next = stack.head;
        stack.head = node;
      };
      Scenarios.runAll(push, push);
      int count = 0;
      for (Node n = stack.head; n != null; n = n.next) count++;
      Scenarios.check(count == 2, "a push was lost");
    }
  }

  /** Bug: the node escapes through a call, then is written; the reader may see it half-done. */
  public static final class PassedThenWritten implements Scenario {
    @Override
    public void run() throws Exception {
      Holder holder = new Holder();
      Scenarios.runAll(() -> {
        Node node = new Node();
        publish(holder, node);
        node.value = 1;
      }, () -> {
        Node seen = (Node) holder.ref;
        Scenarios.check(seen == null || seen.value == 1, "saw a node before its value was set");
      });
    }

    private static void publish(Holder holder, Object o) {
      holder.ref = o;
    }
  }

  /** Bug: nodes allocated in a loop; the second round's node is published before its value. */
  public static final class LoopPublishesEarly implements Scenario {
    @Override
    public void run() throws Exception {
      Holder holder = new Holder();
      Scenarios.runAll(() -> {
        for (int i = 1; i <= 2; i++) {
          Node node = new Node();
          if (i == 2) holder.ref = node;
          node.value = i;
        }
      }, () -> {
        Node seen = (Node) holder.ref;
        Scenarios.check(seen == null || seen.value == 2, "saw the last node before its value");
      });
    }
  }

  /** Correct: each thread fills a buffer of its own, then publishes only the sum, under a lock. */
  public static final class LocalBuffers implements Scenario {
    @Override
    public void run() throws Exception {
      Holder holder = new Holder();
      Runnable sum = () -> {
        int[] buffer = new int[8];
        for (int i = 0; i < buffer.length; i++) buffer[i] = i;
        int[] copy = buffer.clone();
        int total = 0;
        for (int value : copy) total += value;
        synchronized (holder) {
          holder.ref = total;
        }
      };
      Scenarios.runAll(sum, sum);
      Scenarios.check(Integer.valueOf(28).equals(holder.ref), "wrong sum");
    }
  }
}
