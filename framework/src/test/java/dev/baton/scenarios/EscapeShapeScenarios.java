package dev.baton.scenarios;

import dev.baton.Scenario;
import java.util.Arrays;

/**
 * The shapes javac gives code that publishes a new object or array and then writes it (all buggy,
 * found in a review of the escape analysis): try/finally, varargs, a new object inside another,
 * a capturing comparator, a lock on a new object, a row of a new grid, a callee that publishes,
 * an inner class publishing its outer object, a {@code this(...)} call that publishes, a merge.
 */
public final class EscapeShapeScenarios {
  private EscapeShapeScenarios() {}

  static final class Holder {
    Object ref;
  }

  static final class Node {
    int value;
    Node next;
  }

  static void check(Holder holder) {
    Object seen = holder.ref;
    if (seen instanceof Node n) Scenarios.check(n.value == 1, "saw a node before its value");
    if (seen instanceof int[] a) Scenarios.check(a[1] == 1, "saw an array before its element");
  }

  static void publishAll(Holder holder, Object... objects) {
    holder.ref = objects[0];
  }

  static Node make(Holder holder) {
    Node n = new Node();
    holder.ref = n;
    return n;
  }

  /** Publishes in a finally block (javac copies it into the normal and the exceptional path). */
  public static final class FinallyPublishes implements Scenario {
    @Override
    public void run() throws Exception {
      Holder h = new Holder();
      Scenarios.runAll(() -> {
        Node n = new Node();
        try {
          n.next = null;
        } finally {
          h.ref = n;
        }
        n.value = 1;
      }, () -> check(h));
    }
  }

  /** Publishes through varargs. */
  public static final class VarargsPublishes implements Scenario {
    @Override
    public void run() throws Exception {
      Holder h = new Holder();
      Scenarios.runAll(() -> {
        Node n = new Node();
        publishAll(h, n);
        n.value = 1;
      }, () -> check(h));
    }
  }

  /** Stores a new node into another new node, publishes the outer one, writes the inner one. */
  public static final class NestedFreshPublished implements Scenario {
    @Override
    public void run() throws Exception {
      Holder h = new Holder();
      Scenarios.runAll(() -> {
        Node outer = new Node();
        Node inner = new Node();
        outer.next = inner;
        outer.value = 1;
        h.ref = outer;
        inner.value = 1;
      }, () -> {
        Node seen = (Node) h.ref;
        Scenarios.check(seen == null || seen.next.value == 1, "saw the inner node unfinished");
      });
    }
  }

  /** A comparator lambda captures the new array and publishes it while sorting. */
  public static final class ComparatorCaptures implements Scenario {
    @Override
    public void run() throws Exception {
      Holder h = new Holder();
      Scenarios.runAll(() -> {
        Integer[] boxes = {2, 1};
        int[] array = new int[2];
        Arrays.sort(boxes, (a, b) -> {
          h.ref = array;
          return a - b;
        });
        array[1] = 1;
      }, () -> check(h));
    }
  }

  /** Locks the new node, publishes it inside the block, writes it after. */
  public static final class SynchronizedOnFresh implements Scenario {
    @Override
    public void run() throws Exception {
      Holder h = new Holder();
      Scenarios.runAll(() -> {
        Node n = new Node();
        synchronized (n) {
          h.ref = n;
        }
        n.value = 1;
      }, () -> check(h));
    }
  }

  /** A row of a new array of arrays is published, then written through the outer array. */
  public static final class RowOfFreshGrid implements Scenario {
    @Override
    public void run() throws Exception {
      Holder h = new Holder();
      Scenarios.runAll(() -> {
        int[][] grid = new int[2][2];
        h.ref = grid[0];
        grid[0][1] = 1;
      }, () -> check(h));
    }
  }

  /** The node comes from a callee that published it. */
  public static final class CalleePublishes implements Scenario {
    @Override
    public void run() throws Exception {
      Holder h = new Holder();
      Scenarios.runAll(() -> {
        Node n = make(h);
        n.value = 1;
      }, () -> check(h));
    }
  }

  /** An array copied by System.arraycopy into a published array, then written. */
  public static final class CopiedArrayStaysOwn implements Scenario {
    @Override
    public void run() throws Exception {
      Holder h = new Holder();
      Scenarios.runAll(() -> {
        int[] mine = new int[2];
        int[] shared = new int[2];
        h.ref = shared;
        System.arraycopy(mine, 0, shared, 0, 2);
        shared[1] = 1;
      }, () -> check(h));
    }
  }

  /** Outer class whose inner-class constructor publishes Outer.this (this$0). */
  static final class Outer {
    int ready;

    Outer(Holder h) {
      new Inner(h);
      ready = 1;
    }

    final class Inner {
      Inner(Holder h) {
        h.ref = Outer.this;
      }
    }
  }

  public static final class InnerClassPublishesOuter implements Scenario {
    @Override
    public void run() throws Exception {
      Holder h = new Holder();
      Scenarios.runAll(() -> new Outer(h), () -> {
        Outer seen = (Outer) h.ref;
        Scenarios.check(seen == null || seen.ready == 1, "saw the outer object unfinished");
      });
    }
  }

  /** A constructor delegating with this(...) to one that publishes. */
  static final class Delegates {
    int ready;

    Delegates(Holder h) {
      this(h, 0);
      ready = 1;
    }

    Delegates(Holder h, int unused) {
      h.ref = this;
    }
  }

  public static final class ThisCallPublishes implements Scenario {
    @Override
    public void run() throws Exception {
      Holder h = new Holder();
      Scenarios.runAll(() -> new Delegates(h), () -> {
        Delegates seen = (Delegates) h.ref;
        Scenarios.check(seen == null || seen.ready == 1, "saw the object unfinished");
      });
    }
  }

  /** A string switch and a ternary choose between a new node and a published one. */
  public static final class TernaryMerge implements Scenario {
    @Override
    public void run() throws Exception {
      Holder h = new Holder();
      Node published = new Node();
      h.ref = published;
      Scenarios.runAll(() -> {
        String key = Thread.currentThread().getName().isEmpty() ? "a" : "b";
        Node n = switch (key) {
          case "a" -> new Node();
          default -> key.length() > 0 ? published : new Node();
        };
        n.value = 1;
      }, () -> check(h));
    }
  }
}
