package dev.baton.benchmarks.corpus;

import static dev.baton.benchmarks.corpus.Threads.await;
import static dev.baton.benchmarks.corpus.Threads.check;
import static dev.baton.benchmarks.corpus.Threads.start;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Hand-made concurrent data structures with a classic bug each, and their fixed forms. */
final class Structures {
  private Structures() {}

  /**
   * A work-stealing deque (Chase-Lev shape): the owner pushes and pops at the bottom, a thief
   * steals at the top. The bug: neither takes the last element with a compare-and-set of {@code
   * top}, so owner and thief can both take it.
   */
  static final class StealingDeque {
    private final int[] items = new int[8];
    private int top;
    private int bottom;

    void push(int value) {
      items[bottom] = value;
      bottom = bottom + 1;
    }

    int pop() {
      int b = bottom - 1;
      bottom = b;
      int t = top;
      if (t > b) {
        bottom = t;
        return -1;
      }
      int value = items[b];
      if (t == b) { // the last element: the thief may be taking it too
        top = t + 1;
        bottom = t + 1;
      }
      return value;
    }

    int steal() {
      int t = top;
      int b = bottom;
      if (t >= b) return -1;
      int value = items[t];
      top = t + 1;
      return value;
    }

    synchronized void pushSynchronized(int value) {
      push(value);
    }

    synchronized int popSynchronized() {
      return pop();
    }

    synchronized int stealSynchronized() {
      return steal();
    }
  }

  /** The owner pushes two tasks and pops twice while a thief steals once: no task runs twice. */
  static void workStealing(boolean fixed) throws InterruptedException {
    StealingDeque deque = new StealingDeque();
    List<Integer> taken = new CopyOnWriteArrayList<>();
    Thread owner = start(() -> {
      for (int v = 1; v <= 2; v++) {
        if (fixed) deque.pushSynchronized(v);
        else deque.push(v);
      }
      for (int i = 0; i < 2; i++) {
        int v = fixed ? deque.popSynchronized() : deque.pop();
        if (v > 0) taken.add(v);
      }
    });
    Thread thief = start(() -> {
      int v = fixed ? deque.stealSynchronized() : deque.steal();
      if (v > 0) taken.add(v);
    });
    owner.join();
    thief.join();
    check(taken.size() == 2 && taken.contains(1) && taken.contains(2),
        "tasks taken: " + taken + " (each of 1 and 2 exactly once)");
  }

  /** A single-producer single-consumer ring of two slots; the element count is shared. */
  static final class Ring {
    final int[] slots = new int[2];
    int head;
    int tail;
    int count;
    final AtomicInteger atomicCount = new AtomicInteger();
  }

  /**
   * Circular buffer (SCTBench circular_buffer): producer and consumer update a plain {@code count}
   * with {@code ++} and {@code --}; a lost update lets the consumer read an empty slot or wait
   * forever. Fixed: an atomic count.
   */
  static void circularBuffer(boolean fixed) throws InterruptedException {
    Ring ring = new Ring();
    int[] consumed = new int[3];
    Thread producer = start(() -> {
      for (int v = 1; v <= 3; v++) {
        while ((fixed ? ring.atomicCount.get() : ring.count) == ring.slots.length) Thread.yield();
        ring.slots[ring.tail] = v;
        ring.tail = (ring.tail + 1) % ring.slots.length;
        if (fixed) ring.atomicCount.incrementAndGet();
        else ring.count++;
      }
    });
    Thread consumer = start(() -> {
      for (int i = 0; i < 3; i++) {
        while ((fixed ? ring.atomicCount.get() : ring.count) == 0) Thread.yield();
        consumed[i] = ring.slots[ring.head];
        ring.slots[ring.head] = 0;
        ring.head = (ring.head + 1) % ring.slots.length;
        if (fixed) ring.atomicCount.decrementAndGet();
        else ring.count--;
      }
    });
    producer.join();
    consumer.join();
    check(consumed[0] == 1 && consumed[1] == 2 && consumed[2] == 3,
        "consumed " + consumed[0] + ", " + consumed[1] + ", " + consumed[2] + " instead of 1, 2, 3");
  }

  /**
   * A spinning reader-writer lock on one atomic state (readers, or -1 for a writer). The bug: the
   * writer tests for zero and then sets -1 instead of a compare-and-set, so a reader can enter in
   * between and read a half-written pair.
   */
  static final class SpinRwLock {
    final AtomicInteger state = new AtomicInteger();

    void readLock() {
      while (true) {
        int s = state.get();
        if (s >= 0 && state.compareAndSet(s, s + 1)) return;
        Thread.yield();
      }
    }

    void readUnlock() {
      state.decrementAndGet();
    }

    void writeLock(boolean fixed) {
      while (true) {
        if (fixed ? state.compareAndSet(0, -1) : state.get() == 0) {
          state.set(-1);
          return;
        }
        Thread.yield();
      }
    }

    void writeUnlock() {
      state.set(0);
    }
  }

  static final class Point {
    int x;
    int y;
  }

  /** Two readers and a writer of a pair of fields under {@link SpinRwLock}. */
  static void readerWriter(boolean fixed) throws InterruptedException {
    SpinRwLock lock = new SpinRwLock();
    Point p = new Point();
    boolean[] torn = new boolean[2];
    Thread writer = start(() -> {
      lock.writeLock(fixed);
      p.x = 1;
      p.y = 1;
      lock.writeUnlock();
    });
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      int me = i;
      readers.add(start(() -> {
        lock.readLock();
        torn[me] = p.x != p.y;
        lock.readUnlock();
      }));
    }
    writer.join();
    Threads.joinAll(readers);
    check(!torn[0] && !torn[1], "a reader saw a half-written pair");
  }

  /**
   * Check-then-act on a concurrent queue: two consumers of one element test {@code isEmpty()} and
   * then {@code remove()}; one of them finds it gone. Fixed: {@code poll()}.
   */
  static void queueCheckThenRemove(boolean fixed) throws InterruptedException {
    Queue<Integer> queue = new ConcurrentLinkedQueue<>();
    queue.add(1);
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    Runnable consumer = () -> {
      try {
        if (fixed) {
          queue.poll();
        } else if (!queue.isEmpty()) {
          queue.remove();
        }
      } catch (RuntimeException e) {
        errors.add(e);
      }
    };
    Thread one = start(consumer);
    Thread two = start(consumer);
    one.join();
    two.join();
    check(errors.isEmpty(), "a consumer failed: " + errors);
  }

  /**
   * An {@link ArrayList} iterated by one thread while another adds to it: {@code
   * ConcurrentModificationException}. Fixed: a {@link CopyOnWriteArrayList}.
   */
  static void iterateWhileAdding(boolean fixed) throws InterruptedException {
    List<Integer> list = fixed ? new CopyOnWriteArrayList<>() : new ArrayList<>();
    list.add(1);
    list.add(2);
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    Thread reader = start(() -> {
      try {
        int sum = 0;
        for (int v : list) sum += v;
        check(sum >= 3, "sum " + sum);
      } catch (RuntimeException e) {
        errors.add(e);
      }
    });
    Thread adder = start(() -> list.add(3));
    reader.join();
    adder.join();
    check(errors.isEmpty(), "the iteration failed: " + errors);
  }

  /**
   * A bounded buffer whose consumers wait with {@code if} instead of {@code while}: woken by one
   * {@code notifyAll}, two consumers take from a buffer holding one element.
   */
  static void waitWithIf(boolean fixed) throws InterruptedException {
    ArrayDeque<Integer> buffer = new ArrayDeque<>();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    Runnable consumer = () -> {
      synchronized (buffer) {
        try {
          if (fixed) {
            while (buffer.isEmpty()) await(buffer);
          } else if (buffer.isEmpty()) {
            await(buffer);
          }
          buffer.removeFirst();
        } catch (RuntimeException e) {
          errors.add(e);
        }
      }
    };
    Thread one = start(consumer);
    Thread two = start(consumer);
    for (int v = 1; v <= 2; v++) {
      synchronized (buffer) {
        buffer.addLast(v);
        buffer.notifyAll();
      }
    }
    one.join();
    two.join();
    check(errors.isEmpty(), "a consumer took from an empty buffer: " + errors);
  }
}
