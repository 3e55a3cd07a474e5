package dev.baton.instrument.samples;

/** Synchronized blocks and methods; each reports whether the real monitors were held inside. */
public class Monitors {
  public final Object first = new Object();
  public final Object second = new Object();
  public int count;

  public boolean nested() {
    synchronized (first) { //@nested-first
      synchronized (second) { //@nested-second
        count++; //@nested-count
        return Thread.holdsLock(first) && Thread.holdsLock(second); //@nested-return
      }
    }
  }

  public synchronized boolean syncMethod() {
    count++; //@sync-count
    return Thread.holdsLock(this); //@sync-return
  }

  public static synchronized boolean staticSync() {
    return Thread.holdsLock(Monitors.class); //@static-sync
  }

  /** The method's own handler must catch {@code own} before the catch-all releases the monitor. */
  public synchronized int throwing(boolean fail) {
    try {
      if (fail) {
        throw new IllegalStateException("own"); //@throwing-own
      }
    } catch (IllegalStateException e) {
      count = -1; //@throwing-catch
    }
    if (count < 0) {
      throw new IllegalArgumentException("out");
    }
    return count; //@throwing-last
  }

  /** The loop's jump target is the method's first instruction: the lock must be taken once. */
  public synchronized int loopAtStart(int n) {
    do {
      count++; //@loop
      n--;
    } while (n > 0);
    return count;
  }

  /** The same monitor taken twice by one thread. */
  public boolean reentrant() {
    synchronized (first) { //@reentrant
      return syncOn(first); //@reentrant-return
    }
  }

  private static boolean syncOn(Object lock) {
    synchronized (lock) { //@sync-on
      return Thread.holdsLock(lock); //@sync-on-return
    }
  }

  /** A block that cannot throw inside: javac's handler for it is reached by no path. */
  public void emptyBlock() {
    synchronized (first) {
    }
  }

  /** Only locals and constants inside: nothing in the block can throw either. */
  public int localOnlyBlock(int x) {
    int y;
    synchronized (first) {
      y = x + 1;
    }
    return y;
  }

  /** An empty block inside a block that calls. */
  public void nestedEmpty() {
    synchronized (first) {
      count++;
      synchronized (second) {
      }
    }
  }
}
