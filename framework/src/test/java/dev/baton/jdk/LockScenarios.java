package dev.baton.jdk;

import static dev.baton.jdk.Checks.check;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/** ReentrantReadWriteLock and StampedLock (with optimistic reads). */
final class LockScenarios {
  private LockScenarios() {}

  /** A lazily loaded configuration, guarded by a read-write lock. */
  static final class LazyConfig {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    String value;
    int loads;

    /** Re-checks under the write lock: a load another thread finished meanwhile is not redone. */
    String get() {
      lock.readLock().lock();
      try {
        if (value != null) return value;
      } finally {
        lock.readLock().unlock();
      }
      lock.writeLock().lock();
      try {
        if (value == null) load();
        return value;
      } finally {
        lock.writeLock().unlock();
      }
    }

    /** Checks under the read lock, acts under the write lock: the check is stale by then. */
    String getWithoutRecheck() {
      lock.readLock().lock();
      try {
        if (value != null) return value;
      } finally {
        lock.readLock().unlock();
      }
      lock.writeLock().lock();
      try {
        load();
        return value;
      } finally {
        lock.writeLock().unlock();
      }
    }

    /** Tries to upgrade the read lock it holds: ReentrantReadWriteLock does not allow that. */
    String getByUpgrading() {
      lock.readLock().lock();
      try {
        if (value == null) {
          lock.writeLock().lock();
          try {
            load();
          } finally {
            lock.writeLock().unlock();
          }
        }
        return value;
      } finally {
        lock.readLock().unlock();
      }
    }

    private void load() {
      loads++;
      value = "loaded";
    }
  }

  /** A point that moves along the diagonal: x == y always holds under the lock. */
  static final class DiagonalPoint {
    private final StampedLock lock = new StampedLock();
    int x;
    int y;

    void move() {
      long stamp = lock.writeLock();
      try {
        x++;
        y++;
      } finally {
        lock.unlockWrite(stamp);
      }
    }

    /** Optimistic read, validated, with a read-locked retry: always a consistent pair. */
    int[] read() {
      long stamp = lock.tryOptimisticRead();
      int seenX = x, seenY = y;
      if (!lock.validate(stamp)) {
        stamp = lock.readLock();
        try {
          seenX = x;
          seenY = y;
        } finally {
          lock.unlockRead(stamp);
        }
      }
      return new int[] {seenX, seenY};
    }

    /** Optimistic read without validate(): may see a half-done move. */
    int[] readWithoutValidate() {
      lock.tryOptimisticRead();
      return new int[] {x, y};
    }
  }

  private static void twoLoaders(LazyConfig config, Runnable loader) throws InterruptedException {
    Thread a = new Thread(loader), b = new Thread(loader);
    a.start();
    b.start();
    a.join();
    b.join();
    check(config.loads == 1, "the configuration was loaded " + config.loads + " times");
  }

  // ---- correct ------------------------------------------------------------------------------

  static void readWriteLockLazyLoadRechecks() throws Exception {
    LazyConfig config = new LazyConfig();
    twoLoaders(config, config::get);
  }

  static void stampedLockOptimisticReadValidated() throws Exception {
    DiagonalPoint point = new DiagonalPoint();
    Thread mover = new Thread(() -> {
      point.move();
      point.move();
    });
    mover.start();
    int[] seen = point.read();
    mover.join();
    check(seen[0] == seen[1], "read a torn point (" + seen[0] + ", " + seen[1] + ")");
  }

  // ---- buggy --------------------------------------------------------------------------------

  static void readWriteLockCheckThenActAcrossTheUpgrade() throws Exception {
    LazyConfig config = new LazyConfig();
    twoLoaders(config, config::getWithoutRecheck);
  }

  static void readWriteLockUpgradeDeadlocks() throws Exception {
    LazyConfig config = new LazyConfig();
    twoLoaders(config, config::getByUpgrading);
  }

  static void stampedLockOptimisticReadNotValidated() throws Exception {
    DiagonalPoint point = new DiagonalPoint();
    Thread mover = new Thread(point::move);
    mover.start();
    int[] seen = point.readWithoutValidate();
    mover.join();
    check(seen[0] == seen[1], "read a torn point (" + seen[0] + ", " + seen[1] + ")");
  }
}
