package dev.baton.instrument.samples;

import java.util.Arrays;
import java.util.function.IntSupplier;

/** Methods that allocate objects and arrays, and use them before and after they escape. */
public class FreshObjects {
  public static Object published;
  public static int[] sharedInts = {1, 2, 3};
  public static Node head;

  /** A list cell whose constructor leaks nothing. */
  public static class Node {
    public int value;
    public Node next;

    public Node(int value) {
      this.value = value;
    }
  }

  /** A cell whose constructor publishes itself. */
  public static class Leaky {
    public int value;

    public Leaky() {
      published = this; //@leaky-publish
    }
  }

  /** Fills and sums an array no other thread can see: no points. */
  public static int fillLocal(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i; //@fill-write
    }
    int sum = 0;
    for (int i = 0; i < n; i++) {
      sum += a[i]; //@fill-read
    }
    return sum;
  }

  /** Writes an element before and after publishing the array. */
  public static int[] publishArray() {
    int[] a = new int[2];
    a[0] = 1; //@publish-array-before
    sharedInts = a; //@publish-array
    a[1] = 2; //@publish-array-after
    return a;
  }

  /** Links a new node in front of the shared list: only the list head is shared. */
  public static void push(int v) {
    Node n = new Node(v);
    n.next = head; //@push-link
    head = n; //@push-publish
    n.value = v + 1; //@push-after
  }

  /** Allocates in a loop, fills each node, then publishes it: fresh again every round. */
  public static Node[] loop(int n) {
    Node[] nodes = new Node[n];
    for (int i = 0; i < n; i++) {
      Node node = new Node(i);
      node.value = i * 2; //@loop-fill
      nodes[i] = node; //@loop-store
      published = nodes; //@loop-publish
    }
    return nodes;
  }

  /** Hands the node to a method, which may publish it. */
  public static Node passed() {
    Node n = new Node(1);
    keep(n);
    n.value = 3; //@passed-after
    return n;
  }

  static void keep(Object o) {
    published = o; //@keep
  }

  /** A lambda captures the node. */
  public static IntSupplier captured() {
    Node n = new Node(1);
    IntSupplier supplier = () -> n.value; //@captured-lambda
    n.value = 4; //@captured-after
    return supplier;
  }

  /** The call publishes the node, then throws; the handler writes it. */
  public static Node handler() {
    Node n = new Node(1);
    try {
      publishAndThrow(n);
    } catch (IllegalStateException e) {
      n.value = 5; //@handler-write
    }
    return n;
  }

  static void publishAndThrow(Object o) {
    published = o; //@publish-and-throw
    throw new IllegalStateException();
  }

  /** A constructor that publishes its object: the new object is shared at once. */
  public static Leaky leaky() {
    Leaky l = new Leaky();
    l.value = 6; //@leaky-write
    return l;
  }

  /** The node is new on one path only. */
  public static Node either(boolean fresh) {
    Node n = fresh ? new Node(1) : head;
    n.value = 7; //@either-write
    return n;
  }

  /** Copies a shared array into a new one and changes the copy; clones too. */
  public static int copies() {
    int[] copy = new int[3];
    System.arraycopy(sharedInts, 0, copy, 0, 3); //@copies-source
    copy[0] = 10; //@copy-write
    int[] clone = sharedInts.clone(); //@copies-clone
    clone[1] = copy[0]; //@clone-write
    char[] chars = "ab".toCharArray();
    chars[0] = 'c'; //@chars-write
    return clone[1] + chars[0];
  }

  /** Fills a new array with a new node: the node is in the array, the array still unseen. */
  public static Object[] filled() {
    Node n = new Node(1);
    Object[] cells = new Object[2];
    Arrays.fill(cells, n); //@filled-fill
    cells[0] = null; //@filled-cell
    published = cells; //@filled-publish
    n.value = 8; //@filled-node
    return cells;
  }

  /** An element of a new array of arrays is not followed: its rows may be anywhere. */
  public static int[][] rows() {
    int[][] grid = new int[2][2];
    grid[0][1] = 9; //@rows-write
    return grid;
  }
}
